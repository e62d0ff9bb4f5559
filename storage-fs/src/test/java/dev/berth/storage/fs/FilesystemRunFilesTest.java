package dev.berth.storage.fs;

import dev.berth.core.spi.RunFiles;
import dev.berth.core.spi.RunFilesContract;
import java.nio.file.Path;

class FilesystemRunFilesTest extends RunFilesContract {
    @Override
    protected RunFiles open(Path dir) {
        return new FilesystemRunFiles(dir);
    }
}
