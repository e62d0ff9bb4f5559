package dev.berth.bench;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Phase 5: the manifest repository's tags listed page by page to the end, checked to be all there, once each, and
 * in lexical order as the OCI spec requires. A baseline that returns them unordered gets a note instead of a failure.
 */
final class TagListPhase {
    void run(Session session, ManifestPhase.TaggedRepository tagged) {
        TagLister.Listing[] result = new TagLister.Listing[1];
        Session.Sample sample = session.measure(() -> result[0] = session.tagLister()
                .listAll(tagged.repository(), session.options().pageSize()));
        TagLister.Listing listing = result[0];
        checkComplete(tagged, listing.tags());
        if (!listing.tags().equals(tagged.tags())) {
            String problem = session.target().name() + " listed the tags out of lexical order"
                    + firstDifference(listing.tags(), tagged.tags());
            if (!session.target().baseline()) {
                throw new VerificationFailure(problem);
            }
            session.results()
                    .note(problem.replaceFirst(", first.*", "") + " (not counted as a failure: it is the baseline)");
        }
        if (listing.pages() == 1 && listing.tags().size() > session.options().pageSize()) {
            session.results()
                    .note(session.target().name() + " ignored n="
                            + session.options().pageSize()
                            + " and sent all " + listing.tags().size()
                            + " tags in one response, so its tag-list time is"
                            + " one request where a paging server needs at least "
                            + Math.ceilDiv(
                                    listing.tags().size(), session.options().pageSize()));
        }
        double millis = sample.nanos() / 1e6;
        session.results().put(Metric.TAG_LIST, millis);
        session.results().put(Metric.TAG_LIST_REQUESTS, listing.pages());
        session.report(
                String.format("%-44s %9.1f ms in %d requests", Metric.TAG_LIST.label(), millis, listing.pages()));
    }

    private static void checkComplete(ManifestPhase.TaggedRepository tagged, List<String> listed) {
        Set<String> distinct = new HashSet<>(listed);
        if (listed.size() != tagged.tags().size()
                || distinct.size() != listed.size()
                || !distinct.containsAll(tagged.tags())) {
            throw new VerificationFailure("tag list of " + tagged.repository() + " has " + listed.size() + " tags ("
                    + distinct.size() + " distinct), expected exactly the "
                    + tagged.tags().size() + " pushed");
        }
    }

    private static String firstDifference(List<String> listed, List<String> expected) {
        for (int i = 0; i < listed.size(); i++) {
            if (!listed.get(i).equals(expected.get(i))) {
                return ", first difference at position " + i + ": " + listed.get(i) + " instead of " + expected.get(i);
            }
        }
        return "";
    }
}
