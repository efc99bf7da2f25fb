package org.openamr.server.web.users;

import java.time.ZoneId;
import java.util.List;
import org.openamr.server.user.UserService;

/**
 * The accounts, one page of them.
 *
 * @param page from 1
 * @param zone where dates are shown: accounts belong to no building, so the default one
 */
public record UsersPage(List<UserService.Account> accounts, long total, int page, int pages, ZoneId zone) {
}
