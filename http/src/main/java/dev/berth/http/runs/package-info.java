/**
 * The management API's runs, as ACR Tasks has them: build source uploads ({@code listBuildSourceUploadUrl}),
 * {@code scheduleRun}, listing, showing and cancelling runs, and their logs, followed live. Added to the management
 * API as a route set.
 */
package dev.berth.http.runs;
