package org.openamr.collector.output.tls;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts exactly the server certificate whose SHA-256 is configured: how a collector reaches an FTPS or SMTP
 * server with a self-signed certificate without switching checks off. The hash replaces the authority and host
 * name checks: it names one certificate, wherever it is presented.
 */
public final class PinnedCertificate implements X509TrustManager {

    private final byte[] sha256;

    private PinnedCertificate(byte[] sha256) {
        this.sha256 = sha256;
    }

    /**
     * @param fingerprint 64 hex digits, colons allowed ({@code openssl x509 -noout -fingerprint -sha256} prints it so)
     * @param setting     the setting's name, for the message
     */
    public static PinnedCertificate of(String fingerprint, String setting) {
        String hex = fingerprint.replace(":", "").strip().toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(setting + " '" + fingerprint
                    + "' is not a SHA-256 in hex (64 hex digits, colons allowed)");
        }
        return new PinnedCertificate(HexFormat.of().parseHex(hex));
    }

    /** The certificate's SHA-256 as this class takes it. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }

    /** A socket factory whose TLS connections trust only the pinned certificate. */
    public SSLSocketFactory socketFactory() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {this}, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM has no TLS", e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        byte[] actual;
        try {
            actual = MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
        } catch (GeneralSecurityException e) {
            throw new CertificateException(e);
        }
        if (!MessageDigest.isEqual(actual, sha256)) {
            throw new CertificateException("the server's certificate has SHA-256 " + fingerprint(chain[0])
                    + ", not the configured one");
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("not a server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
