/**
 * The side-by-side benchmark: one workload, driven by the same client code over loopback against Berth and against
 * CNCF Distribution, with every status code and digest checked. {@link dev.berth.bench.BenchMain} runs the rounds
 * (alternating which server goes first) and prints the best result of each metric with the ratio between the two.
 * One class per registry action ({@link dev.berth.bench.BlobPusher}, {@link dev.berth.bench.BlobPuller},
 * {@link dev.berth.bench.ManifestPusher}, {@link dev.berth.bench.ManifestPuller}, {@link dev.berth.bench.TagLister}),
 * one per phase of the workload, and samplers that watch the servers' memory. It depends on nothing but the JDK, so
 * nothing in it can favour one server. {@code bin/bench} starts the servers and runs it.
 */
package dev.berth.bench;
