package dev.berth.core.registry;

/** Where an upload stands: its id and how many bytes it holds. */
public record UploadStatus(String uploadId, long size) {}
