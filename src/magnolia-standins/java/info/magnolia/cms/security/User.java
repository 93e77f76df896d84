package info.magnolia.cms.security;

/**
 * Stand-in of Magnolia 6.4's {@code info.magnolia.cms.security.User} (only what the adapter uses;
 * see docs/magnolia-contract.md, "Java adapter API").
 */
public interface User {

  /** Magnolia 6.4: the user's name ({@code anonymous} for visitors). */
  String getName();

  /** Magnolia 6.4: whether the user has a role, directly or through a group. */
  boolean hasRole(String roleName);
}
