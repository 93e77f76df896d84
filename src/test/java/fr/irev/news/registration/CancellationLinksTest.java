package fr.irev.news.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.irev.news.format.FrenchDates;
import fr.irev.news.registration.CancellationLinks.Expired;
import fr.irev.news.registration.CancellationLinks.Invalid;
import fr.irev.news.registration.CancellationLinks.Reason;
import fr.irev.news.registration.CancellationLinks.Valid;
import fr.irev.news.registration.CancellationLinks.Verification;
import fr.irev.news.testing.TestSite;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Cancellation links: signed, single-purpose, expiring; hostile input refused without throwing. */
class CancellationLinksTest {

  private static final String EVENT = "0f8fad5b-d9cb-469f-a165-70867728950e";
  private static final String REGISTRATION = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
  private static final String OTHER_REGISTRATION = "16fd2706-8baf-433b-82eb-8c7fada847da";
  private static final Instant NOW = StoreFixture.NOW;
  private static final Instant EXPIRY = StoreFixture.END.toInstant();

  private static final SigningKeys.Key OLD = key("old", 1);
  private static final SigningKeys.Key NEW = key("new", 2);
  private static final CancellationLinks LINKS = new CancellationLinks(SigningKeys.of(NEW, OLD));

  private static SigningKeys.Key key(String id, int fill) {
    byte[] secret = new byte[SigningKeys.SECRET_BYTES];
    Arrays.fill(secret, (byte) fill);
    return new SigningKeys.Key(id, secret);
  }

  private static byte[] bytes(String token) {
    return Base64.getUrlDecoder().decode(token);
  }

  private static String text(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Verification verify(String token) {
    return LINKS.verify(token, NOW);
  }

  @Test
  void roundTripWithKeysFromTheRepository() throws Exception {
    try (TestSite site = TestSite.empty()) {
      SigningKeys keys =
          SigningKeys.load(() -> site.repository().login(RegistrationNodes.WORKSPACE));
      CancellationLinks links = new CancellationLinks(keys);
      String token = links.token(EVENT, REGISTRATION, EXPIRY);
      assertEquals(new Valid(EVENT, REGISTRATION, EXPIRY), links.verify(token, NOW));
      assertEquals(114, token.length(), "two UUIDs and a generated key id: " + token);
      assertEquals(true, token.matches("[A-Za-z0-9_-]+"), token);
    }
  }

  @Test
  void textIdsRoundTrip() {
    String token = LINKS.token("journee-approfondissement_2021", "reg/été:1", EXPIRY);
    assertEquals(new Valid("journee-approfondissement_2021", "reg/été:1", EXPIRY), verify(token));
    String upper = REGISTRATION.toUpperCase();
    assertEquals(new Valid("E1", upper, EXPIRY), verify(LINKS.token("E1", upper, EXPIRY)));
    String longest = "e".repeat(200);
    assertEquals(
        new Valid(longest, longest, EXPIRY), verify(LINKS.token(longest, longest, EXPIRY)));
  }

  @Test
  void badIdsAreRefusedWhenSigning() {
    assertThrows(IllegalArgumentException.class, () -> LINKS.token("_keys", REGISTRATION, EXPIRY));
    assertThrows(IllegalArgumentException.class, () -> LINKS.token(null, REGISTRATION, EXPIRY));
    assertThrows(IllegalArgumentException.class, () -> LINKS.token(EVENT, "", EXPIRY));
    assertThrows(IllegalArgumentException.class, () -> LINKS.token(EVENT, null, EXPIRY));
    assertThrows(IllegalArgumentException.class, () -> LINKS.token(EVENT, "r".repeat(201), EXPIRY));
  }

  @Test
  void everyFlippedSignatureByteIsRefused() {
    byte[] token = bytes(LINKS.token(EVENT, REGISTRATION, EXPIRY));
    for (int i = token.length - 32; i < token.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] copy = token.clone();
        copy[i] ^= (byte) (1 << bit);
        assertEquals(
            new Invalid(Reason.BAD_SIGNATURE), verify(text(copy)), "byte " + i + " bit " + bit);
      }
    }
  }

  @Test
  void everyChangedPayloadByteIsRefused() {
    byte[] token = bytes(LINKS.token(EVENT, REGISTRATION, EXPIRY));
    for (int i = 0; i < token.length - 32; i++) {
      byte[] copy = token.clone();
      copy[i] ^= (byte) 0x01;
      assertInstanceOf(Invalid.class, verify(text(copy)), "byte " + i);
    }
  }

  @Test
  void anotherRegistrationIdInThePayloadIsRefused() {
    byte[] genuine = bytes(LINKS.token(EVENT, REGISTRATION, EXPIRY));
    byte[] other = bytes(LINKS.token(EVENT, OTHER_REGISTRATION, EXPIRY));
    byte[] forged = genuine.clone();
    System.arraycopy(other, 0, forged, 0, forged.length - 32);
    assertEquals(new Invalid(Reason.BAD_SIGNATURE), verify(text(forged)));
  }

  @Test
  void aGenuineTokenOfAnotherPurposeIsRefused() {
    long expiry = EXPIRY.getEpochSecond();
    String other = CancellationLinks.sign((byte) 2, NEW, expiry, EVENT, REGISTRATION);
    assertEquals(new Invalid(Reason.WRONG_PURPOSE), verify(other));
    String same =
        CancellationLinks.sign(CancellationLinks.CANCEL_V1, NEW, expiry, EVENT, REGISTRATION);
    assertEquals(LINKS.token(EVENT, REGISTRATION, EXPIRY), same);
  }

  @Test
  void truncatedTokensAreRefused() {
    String token = LINKS.token(EVENT, REGISTRATION, EXPIRY);
    for (int length = 0; length < token.length(); length++) {
      assertInstanceOf(Invalid.class, verify(token.substring(0, length)), "length " + length);
    }
    byte[] bytes = bytes(token);
    for (int length = 0; length < bytes.length; length++) {
      assertInstanceOf(
          Invalid.class, verify(text(Arrays.copyOf(bytes, length))), "bytes " + length);
    }
  }

  @Test
  void garbageIsMalformed() {
    Invalid malformed = new Invalid(Reason.MALFORMED);
    String token = LINKS.token(EVENT, REGISTRATION, EXPIRY);
    assertEquals(malformed, verify(null));
    assertEquals(malformed, verify(""));
    assertEquals(malformed, verify("A"));
    assertEquals(malformed, verify("not a token"));
    assertEquals(malformed, verify("%00%ff<script>"));
    assertEquals(malformed, verify("élève"));
    assertEquals(malformed, verify(token + "="));
    assertEquals(malformed, verify(token + "\n"));
    assertEquals(malformed, verify(token.replace('-', '+').replace('_', '/') + "+/"));
    assertEquals(malformed, verify("A".repeat(100_000)));
    assertEquals(malformed, verify(token.repeat(1_000)));
    assertEquals(malformed, verify(text(new byte[40])));
  }

  @Test
  void nonCanonicalBase64IsRefused() {
    // two UUIDs make 84 bytes = 112 characters, no spare bit; "abc" makes 67 bytes: 4 spare bits
    String token = LINKS.token(EVENT, "abc", EXPIRY);
    assertEquals(2, token.length() % 4, token);
    char last = token.charAt(token.length() - 1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char sameBits = alphabet.charAt(alphabet.indexOf(last) ^ 1);
    String twin = token.substring(0, token.length() - 1) + sameBits;
    assertEquals(true, Arrays.equals(bytes(token), bytes(twin)), "decodes to the same bytes");
    assertEquals(new Invalid(Reason.MALFORMED), verify(twin));
    assertEquals(new Valid(EVENT, "abc", EXPIRY), verify(token));
  }

  @Test
  void expiresAtTheExactSecond() {
    String token = LINKS.token(EVENT, REGISTRATION, EXPIRY);
    assertEquals(new Valid(EVENT, REGISTRATION, EXPIRY), LINKS.verify(token, EXPIRY.minusNanos(1)));
    assertEquals(new Expired(EVENT, REGISTRATION, EXPIRY), LINKS.verify(token, EXPIRY));
    assertEquals(
        new Expired(EVENT, REGISTRATION, EXPIRY), LINKS.verify(token, EXPIRY.plusSeconds(1)));
  }

  @Test
  void expiryIsRoundedUpToTheSecond() {
    String token = LINKS.token(EVENT, REGISTRATION, EXPIRY.plusMillis(1));
    Instant rounded = EXPIRY.plusSeconds(1);
    assertEquals(new Valid(EVENT, REGISTRATION, rounded), LINKS.verify(token, EXPIRY));
    assertEquals(new Expired(EVENT, REGISTRATION, rounded), LINKS.verify(token, rounded));
  }

  @Test
  void expiryIsTheEndOfTheEventPlusTheGrace() {
    ZonedDateTime end = ZonedDateTime.of(2021, 11, 30, 16, 30, 0, 0, FrenchDates.PARIS);
    assertEquals(
        Instant.parse("2021-11-30T15:30:00Z"),
        CancellationLinks.expiry(end, CancellationLinks.DEFAULT_GRACE));
    assertEquals(
        Instant.parse("2021-12-07T15:30:00Z"), CancellationLinks.expiry(end, Duration.ofDays(7)));
    assertThrows(
        IllegalArgumentException.class,
        () -> CancellationLinks.expiry(end, Duration.ofSeconds(-1)));
  }

  @Test
  void olderKeysStillVerifyUnknownKeysDoNot() {
    String byOld = new CancellationLinks(SigningKeys.of(OLD)).token(EVENT, REGISTRATION, EXPIRY);
    assertEquals(new Valid(EVENT, REGISTRATION, EXPIRY), verify(byOld));
    String byNew = LINKS.token(EVENT, REGISTRATION, EXPIRY);
    assertNotEquals(byOld, byNew);
    CancellationLinks retired = new CancellationLinks(SigningKeys.of(NEW));
    assertEquals(new Invalid(Reason.UNKNOWN_KEY), retired.verify(byOld, NOW));
    assertEquals(new Valid(EVENT, REGISTRATION, EXPIRY), retired.verify(byNew, NOW));
  }

  @Test
  void sameKeyIdWithAnotherSecretIsRefused() {
    String forged =
        new CancellationLinks(SigningKeys.of(key("new", 3))).token(EVENT, REGISTRATION, EXPIRY);
    assertEquals(new Invalid(Reason.BAD_SIGNATURE), verify(forged));
  }

  @Test
  void keyIdIsReadFromTheToken() {
    byte[] token = bytes(LINKS.token(EVENT, REGISTRATION, EXPIRY));
    assertEquals("new", new String(token, 2, 3, StandardCharsets.US_ASCII));
    token[2] = 'x';
    assertEquals(new Invalid(Reason.UNKNOWN_KEY), verify(text(token)));
  }
}
