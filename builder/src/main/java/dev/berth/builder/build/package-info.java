/**
 * The build engine: runs a parsed Dockerfile's stages over root filesystems, one instruction at a time, with a layer
 * cache keyed by the parent chain, the instruction and the content it reads, and writes the resulting image (config,
 * layers, manifest) into a blob directory. See docs/builder.md.
 */
package dev.berth.builder.build;
