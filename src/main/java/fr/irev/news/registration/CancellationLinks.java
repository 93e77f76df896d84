package fr.irev.news.registration;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Signed, single-purpose, expiring tokens for the personal cancellation link sent by e-mail.
 *
 * <p>A token is the URL-safe base64 (RFC 4648 §5, no padding) of {@code payload || mac}, where
 * {@code mac} is the 32-byte HMAC-SHA256 (RFC 2104, RFC 4868) of {@code payload} with a {@link
 * SigningKeys} key. Payload: one purpose-and-version byte ({@value #CANCEL_V1}: "cancel", version
 * 1; a token of another purpose or version is never accepted), the key id (1 length byte + ASCII),
 * the expiry (8 bytes, big-endian epoch seconds), the event id then the registration id (each 1
 * kind byte, then 16 bytes for a canonical lower-case UUID, or 1 length byte + UTF-8). For a UUID
 * event, a UUID registration and a key id of {@link SigningKeys} (9 characters) a token has 114
 * characters.
 *
 * <p>Verification never throws on hostile input and compares MACs in constant time ({@link
 * MessageDigest#isEqual}). Thread-safe.
 */
public final class CancellationLinks {

  /** Purpose "cancel", token format 1: the first payload byte. */
  static final byte CANCEL_V1 = 1;

  /** Default grace after the end of the event: none, the link expires when the event ends. */
  public static final Duration DEFAULT_GRACE = Duration.ZERO;

  /** Longest input looked at, in characters; longer input is refused unread. */
  public static final int MAX_TOKEN_CHARS = 700;

  private static final int MAC_BYTES = 32;
  private static final int MAX_ID_BYTES = 200;
  private static final byte UUID_ID = 0;
  private static final byte TEXT_ID = 1;

  /** As {@link RegistrationStore} checks event ids. */
  private static final Pattern EVENT_ID = RegistrationStore.EVENT_ID;

  private final SigningKeys keys;

  /**
   * @param keys signs with their current key, verifies with any of them; not {@code null}
   */
  public CancellationLinks(SigningKeys keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  /**
   * When a cancellation link stops working.
   *
   * @param eventEnd end of the event (any zone), not {@code null}
   * @param grace time the link still works after the end, {@code >= 0} ({@link #DEFAULT_GRACE}:
   *     none)
   * @return {@code eventEnd + grace}
   * @throws IllegalArgumentException when {@code grace} is negative
   */
  public static Instant expiry(ZonedDateTime eventEnd, Duration grace) {
    Objects.requireNonNull(eventEnd, "eventEnd");
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace must be >= 0, was " + grace);
    }
    return eventEnd.toInstant().plus(grace);
  }

  /**
   * Signs a cancellation token with the current key.
   *
   * @param eventId the event id ({@code [A-Za-z0-9][A-Za-z0-9_-]*}, up to 200 characters)
   * @param registrationId the registration's JCR identifier (1 to 200 UTF-8 bytes; a canonical UUID
   *     is stored in 16 bytes)
   * @param expiresAt first instant when the token is refused as expired; rounded up to the whole
   *     second (epoch seconds, UTC), not {@code null}
   * @return the token: URL-safe, no padding, 114 characters for two UUIDs, at most 638
   * @throws IllegalArgumentException when an id has another shape
   */
  public String token(String eventId, String registrationId, Instant expiresAt) {
    if (eventId == null || !EVENT_ID.matcher(eventId).matches()) {
      throw new IllegalArgumentException("invalid event id");
    }
    Objects.requireNonNull(expiresAt, "expiresAt");
    long seconds = expiresAt.getEpochSecond() + (expiresAt.getNano() > 0 ? 1 : 0);
    return sign(CANCEL_V1, keys.current(), seconds, eventId, registrationId);
  }

  /** Any purpose byte: tests sign tokens of another purpose with it. */
  static String sign(
      byte purpose, SigningKeys.Key key, long expiry, String eventId, String registrationId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(96);
    out.write(purpose);
    byte[] keyId = key.id().getBytes(StandardCharsets.US_ASCII);
    out.write(keyId.length);
    out.writeBytes(keyId);
    out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(expiry).array());
    writeId(out, eventId);
    writeId(out, registrationId);
    out.writeBytes(key.hmacSha256(out.toByteArray()));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
  }

  private static void writeId(ByteArrayOutputStream out, String id) {
    Optional<UUID> uuid = canonicalUuid(id);
    if (uuid.isPresent()) {
      out.write(UUID_ID);
      out.writeBytes(
          ByteBuffer.allocate(16)
              .putLong(uuid.get().getMostSignificantBits())
              .putLong(uuid.get().getLeastSignificantBits())
              .array());
      return;
    }
    byte[] bytes = id == null ? new byte[0] : id.getBytes(StandardCharsets.UTF_8);
    if (bytes.length == 0 || bytes.length > MAX_ID_BYTES) {
      throw new IllegalArgumentException("an id must have 1 to 200 UTF-8 bytes");
    }
    out.write(TEXT_ID);
    out.write(bytes.length);
    out.writeBytes(bytes);
  }

  private static Optional<UUID> canonicalUuid(String id) {
    if (id == null || id.length() != 36) {
      return Optional.empty();
    }
    try {
      UUID uuid = UUID.fromString(id);
      return uuid.toString().equals(id) ? Optional.of(uuid) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Checks a token. In order: shape (canonical URL-safe base64 of at most {@value #MAX_TOKEN_CHARS}
   * characters), key id known, MAC, purpose, expiry.
   *
   * @param token the token as received, may be {@code null} or anything
   * @param now the instant of the check, not {@code null}
   * @return {@link Valid} when {@code now} is before the expiry, {@link Expired} from the expiry
   *     second on, otherwise {@link Invalid} with the reason; never {@code null}
   */
  public Verification verify(String token, Instant now) {
    Objects.requireNonNull(now, "now");
    Optional<byte[]> decoded = decode(token);
    if (decoded.isEmpty() || decoded.get().length < MAC_BYTES + 3) {
      return new Invalid(Reason.MALFORMED);
    }
    byte[] bytes = decoded.get();
    byte[] payload = Arrays.copyOf(bytes, bytes.length - MAC_BYTES);
    byte[] mac = Arrays.copyOfRange(bytes, payload.length, bytes.length);
    try {
      ByteBuffer in = ByteBuffer.wrap(payload);
      byte purpose = in.get();
      String keyId = new String(readBytes(in, in.get() & 0xff), StandardCharsets.US_ASCII);
      if (!SigningKeys.KEY_ID.matcher(keyId).matches()) {
        return new Invalid(Reason.MALFORMED);
      }
      Optional<SigningKeys.Key> key = keys.byId(keyId);
      if (key.isEmpty()) {
        return new Invalid(Reason.UNKNOWN_KEY);
      }
      if (!MessageDigest.isEqual(key.get().hmacSha256(payload), mac)) {
        return new Invalid(Reason.BAD_SIGNATURE);
      }
      if (purpose != CANCEL_V1) {
        return new Invalid(Reason.WRONG_PURPOSE);
      }
      Instant expiresAt = Instant.ofEpochSecond(in.getLong());
      String eventId = readId(in);
      String registrationId = readId(in);
      if (in.hasRemaining() || !EVENT_ID.matcher(eventId).matches()) {
        return new Invalid(Reason.MALFORMED);
      }
      return now.isBefore(expiresAt)
          ? new Valid(eventId, registrationId, expiresAt)
          : new Expired(eventId, registrationId, expiresAt);
    } catch (BufferUnderflowException
        | CharacterCodingException
        | IllegalArgumentException
        | DateTimeException e) {
      return new Invalid(Reason.MALFORMED);
    }
  }

  /** The bytes of a canonical unpadded URL-safe base64 string; empty for anything else. */
  private static Optional<byte[]> decode(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
      return Optional.empty();
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      boolean ok =
          c >= 'A' && c <= 'Z'
              || c >= 'a' && c <= 'z'
              || c >= '0' && c <= '9'
              || c == '-'
              || c == '_';
      if (!ok) {
        return Optional.empty();
      }
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(token);
      String again = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      return again.equals(token) ? Optional.of(bytes) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static byte[] readBytes(ByteBuffer in, int length) {
    byte[] bytes = new byte[length];
    in.get(bytes);
    return bytes;
  }

  private static String readId(ByteBuffer in) throws CharacterCodingException {
    byte kind = in.get();
    if (kind == UUID_ID) {
      return new UUID(in.getLong(), in.getLong()).toString();
    }
    if (kind != TEXT_ID) {
      throw new IllegalArgumentException("unknown id kind");
    }
    byte[] bytes = readBytes(in, in.get() & 0xff);
    if (bytes.length == 0) {
      throw new IllegalArgumentException("empty id");
    }
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  /** What {@link #verify} found. */
  public sealed interface Verification permits Valid, Expired, Invalid {}

  /**
   * A genuine cancellation token, still valid.
   *
   * @param eventId the event id it was signed for
   * @param registrationId the registration identifier it was signed for
   * @param expiresAt first instant (whole second) when it is refused
   */
  public record Valid(String eventId, String registrationId, Instant expiresAt)
      implements Verification {}

  /**
   * A genuine cancellation token whose time is over ("Ce lien a expiré").
   *
   * @param eventId the event id it was signed for
   * @param registrationId the registration identifier it was signed for
   * @param expiredAt the instant (whole second) from which it is refused
   */
  public record Expired(String eventId, String registrationId, Instant expiredAt)
      implements Verification {}

  /**
   * Not a cancellation token of ours ("Ce lien n'est pas valide"); the reason is for logs only.
   *
   * @param reason why
   */
  public record Invalid(Reason reason) implements Verification {}

  /** Why a token is {@link Invalid}. */
  public enum Reason {
    /** Not canonical URL-safe base64, too short or too long, or a payload that does not parse. */
    MALFORMED,
    /** Signed with a key id that none of the keys has (retired, or made up). */
    UNKNOWN_KEY,
    /** The MAC does not match: tampered payload or signature. */
    BAD_SIGNATURE,
    /** Genuine, but for another purpose or format version. */
    WRONG_PURPOSE
  }
}
