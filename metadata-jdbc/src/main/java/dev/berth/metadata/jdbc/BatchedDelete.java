package dev.berth.metadata.jdbc;

import java.io.IOException;
import java.util.Arrays;

/**
 * A delete of many rows as a run of small transactions, so that writers of content (pushes) never wait long for
 * the single writer: each transaction deletes at most {@link #BATCH} rows chosen by a subquery, until one deletes
 * fewer.
 */
final class BatchedDelete {
    static final int BATCH = 2000;

    private BatchedDelete() {}

    /**
     * Runs the delete until it is done.
     *
     * @param sql a DELETE whose last parameter is the batch size (for its subquery's {@code LIMIT})
     * @param params the parameters before the batch size
     * @return how many rows went in all
     */
    static int run(Database database, String sql, Object... params) throws IOException {
        Object[] withLimit = Arrays.copyOf(params, params.length + 1);
        withLimit[params.length] = BATCH;
        int total = 0;
        int deleted;
        do {
            deleted = database.write(c -> Sql.update(c, sql, withLimit));
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
