/**
 * The HTTP server: Jetty 12 on virtual threads, wrapped so that handlers see only
 * {@link dev.berth.http.server.Exchange} and endpoints only {@link dev.berth.http.server.Endpoint}. It also owns what
 * every request goes through before an endpoint's own rules: strict decoding of query strings and forms
 * ({@link dev.berth.http.server.UrlForm}), answers to requests Jetty refuses in the endpoint's error format
 * ({@link dev.berth.http.server.EndpointErrorHandler}), and the limits that cut off slow clients
 * ({@link dev.berth.http.server.SlowClients}).
 */
package dev.berth.http.server;
