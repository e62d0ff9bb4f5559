package dev.berth.bench;

import java.io.IOException;

/**
 * The whole workload against one server for one round, over the shared keep-alive pool: check the API answers, warm up,
 * then the phases in order: large blob, small blobs, manifests, tag list, and the same kinds of work again with curl.
 */
final class Workload {
    private final BenchOptions options;
    private final RandomBlobFile blob;
    private final CurlPhase curl;

    Workload(BenchOptions options, RandomBlobFile blob) {
        this.options = options;
        this.blob = blob;
        this.curl = new CurlPhase(blob);
    }

    Measurements run(Target target, int round) throws IOException {
        Measurements results = new Measurements();
        RegistryHttp http = new RegistryHttp(target.base());
        Session session = new Session(target, round, options, http, new CpuClock(target.pid()), results);
        http.send(RegistryRequest.get(http.resolve("/v2/")), 200);
        new WarmupPhase(blob).run(session);
        new LargeBlobPhase(blob).run(session);
        new SmallBlobPhase().run(session);
        ManifestPhase.TaggedRepository tagged = new ManifestPhase().run(session);
        new TagListPhase().run(session, tagged);
        curl.run(session, tagged);
        return results;
    }
}
