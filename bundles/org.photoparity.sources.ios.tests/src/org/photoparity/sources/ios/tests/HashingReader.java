package org.photoparity.sources.ios.tests;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.model.ResourceRole;
import org.photoparity.core.spi.MediaReader;

/**
 * A MediaReader for source tests: it reads the whole content (proving the source's opener works), checks the
 * length it was told, and fingerprints with SHA-256 when asked. Format comes from the name; no metadata parsing.
 */
final class HashingReader implements MediaReader {

    @Override
    public MediaFile read(int source, String path, long size, long modified, ResourceRole role, Content content,
            boolean fingerprint) {
        String fp = null;
        String unreadable = null;
        long length = 0;
        try (InputStream in = content.open()) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
                length += n;
            }
            if (fingerprint) fp = Base64.getEncoder().encodeToString(md.digest());
            if (length != size) unreadable = "told " + size + " bytes, read " + length;
        } catch (IOException | NoSuchAlgorithmException e) {
            unreadable = e.toString();
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return new MediaFile(source, path, MediaFormat.fromFileName(name), role, size, modified, null, null, null, 0,
                0, 0, null, null, null, null, null, fp, false, unreadable, Map.of("sha256", sha(content)));
    }

    static String sha(Content content) {
        try (InputStream in = content.open()) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(in.readAllBytes());
            return Base64.getEncoder().encodeToString(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return "error: " + e;
        }
    }
}
