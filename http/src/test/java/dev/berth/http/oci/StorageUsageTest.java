package dev.berth.http.oci;

import static dev.berth.http.oci.TestImages.OCI_CONFIG;
import static dev.berth.http.oci.TestImages.OCI_INDEX;
import static dev.berth.http.oci.TestImages.OCI_LAYER;
import static dev.berth.http.oci.TestImages.OCI_MANIFEST;
import static dev.berth.http.oci.TestImages.descriptor;
import static dev.berth.http.oci.TestImages.ociManifest;
import static dev.berth.http.oci.TestImages.platformDescriptor;
import static dev.berth.http.oci.TestImages.randomBytes;
import static dev.berth.http.oci.TestImages.uniqueConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.core.oci.RepositoryName;
import dev.berth.core.spi.StorageUsage;
import dev.berth.core.spi.UsageStore;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Usage of what clients pushed: a layer two images share is stored, and counted, once. */
class StorageUsageTest {
    @RegisterExtension
    final RegistryServer server = RegistryServer.create();

    private final byte[] sharedLayer = randomBytes(3000);

    private TestImages.Pushed pushImage(String repository, String tag, byte[] config, byte[]... layers) {
        server.client().pushBlob(repository, config);
        String[] descriptors = new String[layers.length];
        for (int i = 0; i < layers.length; i++) {
            server.client().pushBlob(repository, layers[i]);
            descriptors[i] = descriptor(OCI_LAYER, layers[i]);
        }
        byte[] manifest = ociManifest(descriptor(OCI_CONFIG, config), descriptors);
        return new TestImages.Pushed(
                server.client().pushManifest(repository, tag, OCI_MANIFEST, manifest), OCI_MANIFEST, manifest);
    }

    private UsageStore usage() {
        return server.metadata().usage();
    }

    private long registryId() throws IOException {
        return server.metadata().registries().find("default").orElseThrow().id();
    }

    private long repositoryId(String name) throws IOException {
        return server.metadata()
                .repositories()
                .find(registryId(), new RepositoryName(name))
                .orElseThrow();
    }

    @Test
    void aLayerSharedByImagesInTwoRepositoriesCountsOnceForTheRegistryAndOnceForEach() throws IOException {
        byte[] webConfig = uniqueConfig();
        byte[] jobConfig = uniqueConfig();
        byte[] webLayer = randomBytes(200);
        TestImages.Pushed web = pushImage("web", "1", webConfig, sharedLayer, webLayer);
        TestImages.Pushed job = pushImage("job", "1", jobConfig, sharedLayer);
        long manifests = web.content().length + job.content().length;
        assertEquals(
                new StorageUsage(webConfig.length + jobConfig.length + sharedLayer.length + 200, manifests),
                usage().registry(registryId()));
        StorageUsage webUsage = new StorageUsage(webConfig.length + sharedLayer.length + 200, web.content().length);
        assertEquals(webUsage, usage().repository(repositoryId("web")));
        assertEquals(
                new StorageUsage(jobConfig.length + sharedLayer.length, job.content().length),
                usage().repository(repositoryId("job")));
        assertEquals(
                webUsage,
                usage().manifest(repositoryId("web"), web.digest()).orElseThrow(),
                "one image is its whole repository here");
    }

    @Test
    void anIndexCountsTheLayerItsImagesShareOnce() throws IOException {
        byte[] amd64Config = uniqueConfig();
        byte[] arm64Config = uniqueConfig();
        TestImages.Pushed amd64 = pushImage("multi", "amd64", amd64Config, sharedLayer);
        TestImages.Pushed arm64 = pushImage("multi", "arm64", arm64Config, sharedLayer);
        TestImages.Pushed index = server.client()
                .pushIndex(
                        "multi",
                        "latest",
                        OCI_INDEX,
                        platformDescriptor(OCI_MANIFEST, amd64, "amd64"),
                        platformDescriptor(OCI_MANIFEST, arm64, "arm64"));
        StorageUsage expected = new StorageUsage(
                amd64Config.length + arm64Config.length + sharedLayer.length,
                index.content().length + amd64.content().length + arm64.content().length);
        assertEquals(
                expected,
                usage().manifest(repositoryId("multi"), index.digest()).orElseThrow());
        assertEquals(expected, usage().registry(registryId()));
    }
}
