package dev.berth.core.events;

/**
 * Helm charts among manifests: a manifest whose config has Helm's media type is a chart, and its push and delete are
 * ACR's {@code chart_push} and {@code chart_delete}, with the target ACR gives them: media type {@link #MEDIA_TYPE},
 * the chart's name (the repository's last path segment, as {@code helm push} names it) and version (the tag).
 */
public final class HelmChart {
    /** The config media type of a Helm 3 chart pushed to an OCI registry. */
    public static final String CONFIG_MEDIA_TYPE = "application/vnd.cncf.helm.config.v1+json";
    /** The media type ACR's chart events give their target. */
    public static final String MEDIA_TYPE = "application/vnd.acr.helm.chart";

    private HelmChart() {}

    public static boolean isChart(String configMediaType) {
        return CONFIG_MEDIA_TYPE.equals(configMediaType);
    }

    /** A chart's name: the last segment of its repository's path. */
    public static String name(String repository) {
        return repository.substring(repository.lastIndexOf('/') + 1);
    }

    /**
     * The target of a chart event.
     *
     * @param size null for a delete
     * @param tag the tag pushed or deleted with, which is the version; null when there was none
     */
    public static EventTarget target(String repository, Long size, String digest, String tag) {
        return new EventTarget(MEDIA_TYPE, size, digest, size, repository, tag, name(repository), tag);
    }
}
