/**
 * {@code berth build} and {@code berth run}, as {@code az acr build} and {@code az acr run}: a local context packed
 * into a tar.gz ({@code .dockerignore} honoured) and uploaded, the run scheduled, its log followed live; and {@code
 * berth run list|show|logs|cancel}.
 */
package dev.berth.cli.runs;
