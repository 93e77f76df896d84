package fr.irev.news.taxonomy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.UUID;

/**
 * Stable JCR identifiers of imported territories: the same level and code give the same identifier
 * on every import and every instance, so links from content survive re-imports.
 *
 * <p>Rule: a name-based UUID version 5 (RFC 4122 §4.3, SHA-1) of {@code
 * "irev-territory:<level>:<code>"} (e.g. {@code irev-territory:commune:59350}) in the namespace
 * {@link #NAMESPACE}, except for the four territories bootstrapped before the import existed
 * (Hauts-de-France, Nord, Métropole Européenne de Lille, Lille), which keep the identifiers of
 * {@code mgnl-bootstrap/irev-news/irev-territories.hauts-de-france.xml} that content already links
 * to.
 */
public final class TerritoryIds {

  /**
   * Namespace of the identifiers: UUID v5 of the module's JCR namespace URI {@code
   * https://irev.fr/jcr/irev-news/1.0} in RFC 4122's URL namespace.
   */
  public static final UUID NAMESPACE =
      v5(
          UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"),
          "https://irev.fr/jcr/irev-news/1.0");

  /** The identifiers bootstrapped before the import, by {@code <level>:<code>}. */
  static final Map<String, String> BOOTSTRAPPED =
      Map.of(
          "region:32", "481aad4a-a772-5cfc-acfb-b21b8003f9b6",
          "departement:59", "8c6e41cf-7234-5546-aed6-8f7b63a86db4",
          "epci:200093201", "e2069281-5b63-5f81-af03-63ce939c800a",
          "commune:59350", "599d4712-5480-5744-9aa8-72a0184cd3d9");

  private TerritoryIds() {}

  /**
   * @param level the territory's level
   * @param code its INSEE (région, département, commune) or SIREN (EPCI) code, not {@code null}
   * @return its identifier, lower-case
   */
  public static String of(TerritoryLevel level, String code) {
    String key = level.code() + ":" + code;
    String bootstrapped = BOOTSTRAPPED.get(key);
    return bootstrapped != null ? bootstrapped : v5(NAMESPACE, "irev-territory:" + key).toString();
  }

  /** RFC 4122 name-based UUID, version 5. */
  static UUID v5(UUID namespace, String name) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every Java platform", e);
    }
    sha1.update(
        ByteBuffer.allocate(16)
            .putLong(namespace.getMostSignificantBits())
            .putLong(namespace.getLeastSignificantBits())
            .array());
    byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
    ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
    return new UUID(bytes.getLong(), bytes.getLong());
  }
}
