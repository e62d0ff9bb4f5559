package dev.berth.buildbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The build context both builders get: a two-stage Dockerfile with COPY of a source tree (200 files, about 4 MiB),
 * RUN steps that generate, archive and hash files, COPY --from, ENV and CMD.
 */
final class BenchContext {
    private BenchContext() {}

    static Path write(Path directory, String baseImage) throws IOException {
        Path src = Files.createDirectories(directory.resolve("src"));
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] content = new byte[i % 10 == 0 ? 200_000 : 10_000];
            random.nextBytes(content);
            Files.write(src.resolve(String.format("file-%03d.bin", i)), content);
        }
        Files.writeString(directory.resolve("Dockerfile"), """
                FROM %s AS build
                WORKDIR /src
                COPY src/ ./
                RUN for i in $(seq 1 500); do echo "line $i" >> /src/generated.txt; done && tar -cf /out.tar -C /src .
                RUN sha256sum /out.tar > /out.sum

                FROM %s
                COPY --from=build /out.tar /out.sum /app/
                RUN mkdir -p /app/x && cd /app/x && tar -xf /app/out.tar && rm /app/out.tar
                ENV MODE=bench
                CMD ["ls", "/app"]
                """.formatted(baseImage, baseImage));
        return directory;
    }
}
