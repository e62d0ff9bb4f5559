package dev.berth.core.spi;

import dev.berth.core.events.RequestContext;
import dev.berth.core.oci.Tag;
import java.io.IOException;
import java.util.List;

/** The tags of each repository. Tags are set by {@link ManifestStore#put}. */
public interface TagStore {
    /** Tags in lexical (byte) order, after {@code last} if given. */
    List<Tag> list(long repositoryId, String last, int limit) throws IOException;

    /** Like {@link #list}, without the tags hidden by {@code listEnabled} (off on the tag or its repository). */
    List<Tag> listed(long repositoryId, String last, int limit) throws IOException;

    /** Removes a tag, leaving its manifest, with a tag-delete event, in one transaction; true if it existed. */
    boolean delete(long repositoryId, Tag tag, RequestContext context) throws IOException;
}
