package dev.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** buildah 1.28 (chroot isolation, vfs) committing images and manifest lists and pushing them to Berth. */
@Timeout(180)
class BuildahTest {
    @RegisterExtension
    static final EmbeddedBerth berth = EmbeddedBerth.create();

    @RegisterExtension
    final ContainerStore store = ContainerStore.create();

    private final RegistryClient registry = berth.client();

    @Test
    void committedContainerIsPushedWithItsNewLayer() {
        String repository = Names.unique("buildah/built");
        String image = berth.host() + "/" + repository + ":1";
        store.buildah("from", "--name", "c1", TestImages.busybox().reference());
        store.buildah("run", "c1", "--", "sh", "-c", "echo built > /built.txt");
        store.buildah("config", "--cmd", "[\"/bin/cat\",\"/built.txt\"]", "c1");
        store.buildah("commit", "c1", image);

        store.buildah("push", "--tls-verify=false", image);

        JsonDoc inspected = JsonDoc.parse(Skopeo.run("inspect", "--tls-verify=false", berth.docker(repository + ":1"))
                .stdout());
        List<String> layers = inspected.strings("Layers");
        assertEquals(2, layers.size(), inspected::toString);
        byte[] manifest = new ImageCheck(registry).verify(repository, "1");
        List<Descriptor> pushed = Descriptor.referencedBy(manifest);
        assertEquals(
                layers,
                pushed.subList(1, pushed.size()).stream()
                        .map(Descriptor::digest)
                        .toList());
        byte[] top = registry.blob(repository, layers.get(1)).expect(200).body();
        assertTrue(
                TarEntries.namesInGzip(top).stream().anyMatch(name -> name.endsWith("built.txt")),
                () -> "top layer holds " + TarEntries.namesInGzip(top));
    }

    @Test
    void manifestListPushedWithAllBecomesAnIndexOfBothPlatforms() {
        String repository = Names.unique("buildah/list");
        store.buildah("manifest", "create", "localhost/list:1");
        store.buildah(
                "manifest",
                "add",
                "--all",
                "localhost/list:1",
                TestImages.multiarch().reference());

        store.buildah(
                "manifest", "push", "--all", "--tls-verify=false", "localhost/list:1", berth.docker(repository + ":1"));

        byte[] index = new ImageCheck(registry).verify(repository, "1");
        List<Descriptor> entries = Descriptor.referencedBy(index);
        assertEquals(
                List.of("amd64", "arm64"),
                entries.stream().map(Descriptor::architecture).sorted().toList());
        assertEquals(
                "application/vnd.oci.image.index.v1+json", JsonDoc.parse(index).text("mediaType"));
    }
}
