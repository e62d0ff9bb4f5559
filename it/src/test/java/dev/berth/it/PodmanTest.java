package dev.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** podman 4.3 (root, vfs) pushing to, pulling from and running images out of Berth. */
@Timeout(180)
class PodmanTest {
    @RegisterExtension
    static final EmbeddedBerth berth = EmbeddedBerth.create();

    @RegisterExtension
    final ContainerStore store = ContainerStore.create();

    private final RegistryClient registry = berth.client();

    @Test
    void imagePushedAndPulledBackRuns() {
        String repository = Names.unique("podman/busybox");
        String image = berth.host() + "/" + repository + ":1";
        String loaded = store.podman("pull", "-q", TestImages.busybox().reference())
                .out()
                .strip();
        store.podman("tag", loaded, image);

        store.podman("push", "--tls-verify=false", image);
        store.podman("rmi", "-a", "-f");
        store.podman("pull", "-q", "--tls-verify=false", image);
        String output = store.podman("run", "--rm", image, "echo", "hello").out();

        assertEquals("hello\n", output);
        assertEquals(
                loaded,
                store.podman("image", "inspect", "--format", "{{.Id}}", image)
                        .out()
                        .strip());
        new ImageCheck(registry).verify(repository, "1");
    }

    @Test
    void pullingOnePlatformOfAnIndexGetsThatPlatform() {
        String repository = Names.unique("podman/multi");
        Skopeo.run(
                "copy",
                "--all",
                "--dest-tls-verify=false",
                TestImages.multiarch().reference(),
                berth.docker(repository + ":1"));
        String image = berth.host() + "/" + repository + ":1";

        store.podman("pull", "-q", "--tls-verify=false", "--platform", "linux/arm64", image);
        String architecture = store.podman("image", "inspect", "--format", "{{.Architecture}}", image)
                .out();

        assertEquals("arm64", architecture.strip());
    }
}
