package fr.irev.news.preview.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link SessionPool} on a real in-memory Jackrabbit repository. */
class SessionPoolTest {

  private PreviewRepository repository;
  private SessionPool pool;

  @BeforeEach
  void open() throws Exception {
    repository = PreviewRepository.inMemory();
    repository.ensureWorkspace("website");
    pool = new SessionPool(repository);
  }

  @AfterEach
  void close() {
    pool.close();
    repository.close();
  }

  @Test
  void aSessionGivenBackIsLentAgainAndSeesWhatOthersSavedMeanwhile() throws Exception {
    Session first = pool.borrow("website");
    assertFalse(first.nodeExists("/page"));
    pool.giveBack(first);

    Session editor = repository.login("website");
    try {
      editor.getRootNode().addNode("page", "nt:unstructured").setProperty("title", "Un");
      editor.save();

      Session again = pool.borrow("website");
      assertSame(first, again, "lent again, no new login");
      assertEquals("Un", again.getProperty("/page/title").getString(), "the saved state");
      editor.getNode("/page").setProperty("title", "Deux");
      editor.save();
      assertEquals("Deux", again.getProperty("/page/title").getString(), "even while lent");
      pool.giveBack(again);
      assertEquals(1, pool.logins());
    } finally {
      editor.logout();
    }
  }

  @Test
  void changesARequestLeftUnsavedAreDiscarded() throws Exception {
    Session session = pool.borrow("website");
    session.getRootNode().addNode("brouillon", "nt:unstructured");
    assertTrue(session.hasPendingChanges());
    pool.giveBack(session);

    Session again = pool.borrow("website");
    assertSame(session, again);
    assertFalse(again.hasPendingChanges());
    assertFalse(again.nodeExists("/brouillon"));
    pool.giveBack(again);
  }

  @Test
  void concurrentRequestsGetTheirOwnSessionsAndTheExtraIdleOnesAreLoggedOut() throws Exception {
    List<Session> lent = new ArrayList<>();
    for (int i = 0; i < SessionPool.MAX_IDLE_PER_WORKSPACE + 3; i++) {
      lent.add(pool.borrow("website"));
    }
    assertEquals(lent.size(), lent.stream().distinct().count(), "one session per request");
    lent.forEach(pool::giveBack);
    assertEquals(3, lent.stream().filter(s -> !s.isLive()).count(), "beyond the idle limit");

    Session dead = pool.borrow("website");
    dead.logout();
    pool.giveBack(dead);
    Session next = pool.borrow("website");
    assertNotSame(dead, next, "a session no longer live is not lent");
    assertTrue(next.isLive());
    pool.giveBack(next);
  }

  @Test
  void closingLogsOutTheIdleSessionsThenThoseGivenBack() throws Exception {
    Session idle = pool.borrow("website");
    Session lent = pool.borrow("website");
    pool.giveBack(idle);
    pool.close();
    assertFalse(idle.isLive());
    assertTrue(lent.isLive());
    pool.giveBack(lent);
    assertFalse(lent.isLive());
    assertThrows(RepositoryException.class, () -> pool.borrow("website"));
  }

  @Test
  void aSessionGivenBackTwiceIsLentOnlyOnce() throws Exception {
    Session session = pool.borrow("website");
    pool.giveBack(session);
    pool.giveBack(session);
    Session first = pool.borrow("website");
    Session second = pool.borrow("website");
    assertSame(session, first);
    assertNotSame(first, second, "never one session for two requests");
    pool.giveBack(first);
    pool.giveBack(second);
  }

  @Test
  void idleSessionsExpireAndSessionsRetireAfterManyLoans() throws Exception {
    AtomicLong now = new AtomicLong(1_000_000);
    try (SessionPool timed = new SessionPool(repository, now::get)) {
      Session old = timed.borrow("website");
      Session busy = timed.borrow("website");
      timed.giveBack(old);
      now.addAndGet(SessionPool.MAX_IDLE_MILLIS + 1);
      timed.giveBack(busy); // a request ends: the session idle too long goes
      assertFalse(old.isLive(), "idle too long");
      assertTrue(busy.isLive());

      Session reused = busy;
      for (int loan = 2; loan <= SessionPool.MAX_LOANS; loan++) {
        assertSame(busy, reused = timed.borrow("website"), "loan " + loan);
        timed.giveBack(reused);
      }
      assertFalse(busy.isLive(), "retired after " + SessionPool.MAX_LOANS + " loans");
      Session fresh = timed.borrow("website");
      assertNotSame(busy, fresh);
      timed.giveBack(fresh);
    }
  }
}
