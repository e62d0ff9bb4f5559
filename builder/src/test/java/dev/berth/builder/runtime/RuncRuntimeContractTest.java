package dev.berth.builder.runtime;

import java.nio.file.Path;

/** The contract, met by runc as root (the tests run as root). */
class RuncRuntimeContractTest extends BuildRuntimeContract {

    @Override
    protected BuildRuntime createRuntime(Path temp) {
        return new RuncRuntime(RuncOptions.defaults(temp.resolve("runc")));
    }
}
