package fr.irev.news.attachment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thumbnails on disk, rendered once per asset version and width.
 *
 * <p>Layout: {@code <dir>/<hash of the asset identifier>/<last modified, epoch ms>_<width>.png}.
 * Storing a new version of an asset deletes the files of its older versions. Concurrent first
 * requests for one key wait for a single rendering. Files that cannot be rendered are remembered in
 * memory (10 000 keys at most): until the asset changes, or for 5 minutes after a time-out, so that
 * a hostile file is not rendered again on every request; a failure that says nothing about the file
 * (no worker free, binary unreadable) is not remembered. Thread-safe; several instances must not
 * share a directory.
 */
public final class ThumbnailCache {

  private static final Logger LOG = LoggerFactory.getLogger(ThumbnailCache.class);
  private static final long TIMEOUT_MEMORY_MILLIS = 5 * 60 * 1000L;
  private static final Pattern ENTRY = Pattern.compile("(-?\\d+)_\\d+\\.png");

  private final Path dir;
  private final ThumbnailRenderer renderer;
  private final ExpiringMap<PdfStatus> failures = new ExpiringMap<>(10_000);
  private final SingleFlight<Optional<Thumbnail>> flights = new SingleFlight<>();

  /**
   * @param dir the cache directory, created when first needed
   * @param renderer renders what is missing; its limits clamp the widths
   */
  public ThumbnailCache(Path dir, ThumbnailRenderer renderer) {
    this.dir = Objects.requireNonNull(dir, "dir");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
  }

  /**
   * The thumbnail of page 1 of an asset's PDF, rendered now if needed (on the calling thread, or by
   * waiting for a concurrent call on the same key). Never throws for a bad file or a disk failure
   * (logged at WARN).
   *
   * @param assetId the asset's identifier; not {@code null}
   * @param assetLastModified the asset's last modification, or {@code null} when unknown (then
   *     taken as the epoch)
   * @param width thumbnail width in pixels, clamped to the renderer's limits
   * @param source the asset's binary, opened only when a rendering is needed; not {@code null}
   * @return the cached file, or empty when the PDF cannot be rendered within the limits
   * @throws NullPointerException when {@code assetId} or {@code source} is {@code null}
   */
  public Optional<Thumbnail> get(
      String assetId, Instant assetLastModified, int width, BinarySource source) {
    Objects.requireNonNull(assetId, "assetId");
    Objects.requireNonNull(source, "source");
    long version = (assetLastModified == null ? Instant.EPOCH : assetLastModified).toEpochMilli();
    int clamped = renderer.limits().clampWidth(width);
    String key = assetId + "\n" + version + "\n" + clamped;
    Path assetDir = dir.resolve(sha256(assetId).substring(0, 32));
    Path file = assetDir.resolve(version + "_" + clamped + ".png");
    Optional<Thumbnail> cached = read(file, key);
    if (cached.isPresent() || failed(key)) {
      return cached;
    }
    long wait = 2 * renderer.limits().renderTimeout().toMillis() + 1000;
    return flights.run(
        key, () -> produce(assetId, version, clamped, source, file, key), wait, Optional.empty());
  }

  /**
   * The thumbnail of an asset version if it is already cached: no rendering, no binary, no
   * repository access. Lets the servlet answer addresses that carry the asset's version without
   * opening a JCR session.
   *
   * @param assetId the asset's identifier; not {@code null}
   * @param versionMillis the asset's last modification in ms since the epoch, as in the address
   * @param width thumbnail width in pixels, clamped to the renderer's limits
   * @return the cached file, or empty when that version and width is not (yet) cached
   * @throws NullPointerException when {@code assetId} is {@code null}
   */
  public Optional<Thumbnail> cached(String assetId, long versionMillis, int width) {
    Objects.requireNonNull(assetId, "assetId");
    int clamped = renderer.limits().clampWidth(width);
    String key = assetId + "\n" + versionMillis + "\n" + clamped;
    Path file =
        dir.resolve(sha256(assetId).substring(0, 32))
            .resolve(versionMillis + "_" + clamped + ".png");
    return read(file, key);
  }

  private Optional<Thumbnail> produce(
      String assetId, long version, int width, BinarySource source, Path file, String key) {
    Optional<Thumbnail> cached = read(file, key); // written by a flight that has just ended
    if (cached.isPresent() || failed(key)) {
      return cached;
    }
    Outcome<byte[]> outcome = renderer.render(source, width);
    if (outcome.value() == null) {
      if (!outcome.transientFailure()) {
        remember(key, outcome.status());
      }
      LOG.debug("No thumbnail for asset '{}': {}", assetId, outcome.status());
      return Optional.empty();
    }
    try {
      store(file, outcome.value());
      deleteOlderVersions(file.getParent(), version);
      return read(file, key);
    } catch (IOException e) {
      LOG.warn("Thumbnail of asset '{}' not stored: {}", assetId, e.toString());
      return Optional.empty();
    }
  }

  /** Whether this key, or any width of its asset version, is remembered as failed. */
  private boolean failed(String key) {
    return failures.get(key) != null || failures.get(versionOf(key)) != null;
  }

  /**
   * A file that is not a PDF, broken or locked fails at every width: remembered for the asset
   * version. A time-out (for 5 minutes) or a size limit depends on the width: remembered for the
   * key.
   */
  private void remember(String key, PdfStatus status) {
    switch (status) {
      case TIMEOUT -> failures.put(key, status, TIMEOUT_MEMORY_MILLIS);
      case TOO_LARGE -> failures.put(key, status, ExpiringMap.NEVER);
      default -> failures.put(versionOf(key), status, ExpiringMap.NEVER);
    }
  }

  private static String versionOf(String key) {
    return key.substring(0, key.lastIndexOf('\n'));
  }

  private static Optional<Thumbnail> read(Path file, String key) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      Instant written = attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
      return Optional.of(new Thumbnail(file, etag(key), attributes.size(), written));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      LOG.warn("Thumbnail file unreadable: {}", e.toString());
      return Optional.empty();
    }
  }

  private static void store(Path file, byte[] png) throws IOException {
    Files.createDirectories(file.getParent());
    Path temporary = Files.createTempFile(file.getParent(), ".tmp-", ".png");
    try {
      Files.write(temporary, png);
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Deletes the files of versions older than {@code version}; failures are only logged. */
  private static void deleteOlderVersions(Path assetDir, long version) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(assetDir, "*.png")) {
      for (Path other : files) {
        Matcher entry = ENTRY.matcher(other.getFileName().toString());
        if (entry.matches() && Long.parseLong(entry.group(1)) < version) {
          Files.deleteIfExists(other);
        }
      }
    } catch (IOException | NumberFormatException e) {
      LOG.warn("Old thumbnails not deleted: {}", e.toString());
    }
  }

  private static String etag(String key) {
    return '"' + sha256(key).substring(0, 32) + '"';
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
