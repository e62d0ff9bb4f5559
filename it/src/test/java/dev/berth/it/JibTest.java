package dev.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Jib (jib-core, as a library) building images on a base from Berth and pushing them to Berth by tag. */
@Timeout(120)
class JibTest {
    @RegisterExtension
    static final EmbeddedBerth berth = EmbeddedBerth.create();

    @RegisterExtension
    final AccessLog accessLog = AccessLog.create();

    private final RegistryClient registry = berth.client();
    private final List<String> jibLog = new CopyOnWriteArrayList<>();

    @TempDir
    Path work;

    @Test
    void imageOnABaseFromBerthIsPushedWithEveryBlobIntact() throws Exception {
        String base = Names.unique("jib/base");
        new ImagePusher(registry).pushLayout(base, "1", TestImages.busybox());
        String repository = Names.unique("jib/app");

        JibContainer built = containerize(Jib.from(registryImage(base + ":1")), repository + ":1");

        byte[] manifest = new ImageCheck(registry).verify(repository, "1");
        assertEquals(built.getDigest().toString(), Digests.sha256(manifest));
        List<Descriptor> layers = layers(manifest);
        assertEquals(2, layers.size(), () -> new String(manifest));
        assertEquals(
                Descriptor.referencedBy(TestImages.busybox().topBytes()).get(1).digest(),
                layers.get(0).digest());
        assertAppLayerHoldsTheFile(repository, layers.get(1));
        assertEquals(List.of("1"), registry.tags(repository));
    }

    @Test
    void scratchImageInOciFormatIsPushedWithEveryBlobIntact() throws Exception {
        String repository = Names.unique("jib/scratch");

        JibContainer built = containerize(Jib.fromScratch().setFormat(ImageFormat.OCI), repository + ":1");

        byte[] manifest = new ImageCheck(registry).verify(repository, "1");
        assertEquals(built.getDigest().toString(), Digests.sha256(manifest));
        assertEquals(
                "application/vnd.oci.image.manifest.v1+json",
                JsonDoc.parse(manifest).text("mediaType"));
        List<Descriptor> layers = layers(manifest);
        assertEquals(1, layers.size(), () -> new String(manifest));
        assertAppLayerHoldsTheFile(repository, layers.get(0));
    }

    /** Adds a layer holding {@code /app/hello.txt} and pushes the image to Berth under the tag. */
    private JibContainer containerize(JibContainerBuilder builder, String repositoryAndTag) throws Exception {
        Path hello = Files.writeString(work.resolve("hello.txt"), "hello from jib\n");
        builder.addFileEntriesLayer(FileEntriesLayer.builder()
                        .setName("app")
                        .addEntry(hello, AbsoluteUnixPath.get("/app/hello.txt"))
                        .build())
                .setEntrypoint("/bin/cat", "/app/hello.txt");
        Containerizer target = Containerizer.to(registryImage(repositoryAndTag))
                .setAllowInsecureRegistries(true)
                .setBaseImageLayersCache(work.resolve("cache/base"))
                .setApplicationLayersCache(work.resolve("cache/app"))
                .setToolName("berth-it")
                .addEventHandler(LogEvent.class, event -> jibLog.add(event.getLevel() + " " + event.getMessage()));
        try {
            return builder.containerize(target);
        } catch (Exception e) {
            throw new AssertionError("Jib failed; its log:\n" + String.join("\n", jibLog), e);
        }
    }

    private RegistryImage registryImage(String repositoryAndTag) throws Exception {
        return RegistryImage.named(ImageReference.parse(berth.host() + "/" + repositoryAndTag));
    }

    private static List<Descriptor> layers(byte[] manifest) {
        List<Descriptor> references = Descriptor.referencedBy(manifest);
        return references.subList(1, references.size());
    }

    private void assertAppLayerHoldsTheFile(String repository, Descriptor layer) {
        List<String> names = TarEntries.namesInGzip(
                registry.blob(repository, layer.digest()).expect(200).body());
        assertTrue(names.stream().anyMatch(name -> name.endsWith("app/hello.txt")), () -> "layer holds " + names);
    }
}
