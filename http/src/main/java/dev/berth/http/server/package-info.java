/**
 * The HTTP server: Jetty 12 on virtual threads, wrapped so that handlers see only
 * {@link dev.berth.http.server.Exchange} and endpoints only {@link dev.berth.http.server.Endpoint}.
 */
package dev.berth.http.server;
