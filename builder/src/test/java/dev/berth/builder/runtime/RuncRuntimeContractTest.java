package dev.berth.builder.runtime;

import dev.berth.builder.runtime.runc.RuncOptions;
import dev.berth.builder.runtime.runc.RuncRuntime;
import java.nio.file.Path;

/** The contract, met by runc as root (the tests run as root). */
class RuncRuntimeContractTest extends BuildRuntimeSandboxContract {

    @Override
    protected BuildRuntime createRuntime(Path temp) {
        return new RuncRuntime(RuncOptions.defaults(temp.resolve("runc")));
    }
}
