package com.biometriclogger.evidence;

import java.util.Base64;
import java.util.regex.Pattern;

/** PEM blocks (RFC 7468), so keys can be read and written by openssl as well as by us. */
public final class Pem {

    private Pem() {
    }

    public static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    public static byte[] decode(String text, String label) {
        var matcher = Pattern.compile("-----BEGIN " + label + "-----([A-Za-z0-9+/=\\s]+)-----END " + label + "-----")
                .matcher(text);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no '" + label + "' PEM block");
        }
        return Base64.getMimeDecoder().decode(matcher.group(1));
    }
}
