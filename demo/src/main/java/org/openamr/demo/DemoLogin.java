package org.openamr.demo;

import org.openamr.server.security.Role;

/**
 * A demo account as the banner shows it: fixed login and password, a fresh API token per start.
 *
 * @param token the API token made at this start (only its hash is stored)
 */
public record DemoLogin(String username, String password, Role role, String roleRu, String roleEn, String token) {
}
