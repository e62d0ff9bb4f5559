package dev.berth.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A certificate authority: its certificate, which clients trust, and the key it signs with. */
record Authority(X509Certificate certificate, PrivateKey key) {}
