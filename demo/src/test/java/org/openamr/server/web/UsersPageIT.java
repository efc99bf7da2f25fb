package org.openamr.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openamr.demo.DemoBuilding;
import org.openamr.server.support.FormSession;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Users and roles in a real browser: an administrator makes a resident who then sees their own apartment
 * only; locks, unlocks, sets a password and deletes an account, each ending the account's open session and
 * written to the audit log; cannot lock themselves; a manager is refused the page.
 */
@DemoWebTest
class UsersPageIT extends BrowserTest {

    static final String PASSWORD = "a long enough pass phrase";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    private UUID apartment(String number) {
        return jdbc.sql("select p.public_id from premise p join building b on b.id = p.building_id"
                + " where b.address = ? and p.number = ?").params(DemoBuilding.ADDRESS, number).query(UUID.class).single();
    }

    private long audited(String action, String username) {
        return jdbc.sql("""
                select count(*) from audit_log where actor = 'user:admin' and entity = 'app_user' and action = ?
                  and (coalesce(after, before) ->> 'username' = ?
                       or entity_id = (select id::text from app_user where username = ?))""")
                .params(action, username, username).query(Long.class).single();
    }

    private String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElse("");
    }

    @Test
    void anAdministratorCreatesAResidentWhoThenSeesTheirApartmentOnly() throws IOException {
        session.login("admin", "admin-demo");
        session.follow(browser.findElement(By.id("nav-users")));
        assertThat(session.h1()).isEqualTo("Users");
        assertThat(browser.findElement(By.cssSelector("tr[data-user=manager]")).getText()).contains("management company",
                "УК «Демо»", "active");
        Browser.screenshot(browser, "users-en");

        session.follow(browser.findElement(By.id("new-user")));
        assertThat(session.h1()).isEqualTo("New user");
        assertThat(browser.findElement(By.id("password-hint")).getText()).startsWith("10–200 characters");
        browser.findElement(By.id("username")).sendKeys("Manager");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        new Select(browser.findElement(By.id("role"))).selectByValue("RESIDENT");
        session.awaitElement("building");
        new Select(browser.findElement(By.id("building"))).selectByVisibleText(DemoBuilding.ADDRESS);
        session.awaitElement("premise");
        new Select(browser.findElement(By.id("premise"))).selectByVisibleText("Apt. 2");
        browser.findElement(By.id("password")).clear();
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        session.follow(browser.findElement(By.id("save")));
        assertThat(browser.findElement(By.id("errors")).getText())
                .isEqualTo("The user name \"Manager\" is taken (upper and lower case count as the same).");
        assertThat(new Select(browser.findElement(By.id("premise"))).getFirstSelectedOption().getText())
                .as("the choices are kept").isEqualTo("Apt. 2");
        Browser.screenshot(browser, "user-refused-en");

        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys("flat2");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        session.follow(browser.findElement(By.id("save")));
        assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("User flat2 was created.");
        assertThat(browser.findElement(By.cssSelector("tr[data-user=flat2]")).getText()).contains("resident",
                "apartment 2, " + DemoBuilding.ADDRESS, "active");
        assertThat(audited("INSERT", "flat2")).isEqualTo(1);

        session.signOut();
        session.login("flat2", PASSWORD);
        assertThat(browser.getCurrentUrl()).isEqualTo(session.url("/apartments/" + apartment("2")));
        assertThat(session.h1()).isEqualTo("Apartment 2");
        assertThat(session.statusInThisSession("/apartments/" + apartment("1"))).isEqualTo(404);
        assertThat(browser.findElements(By.id("nav-users"))).isEmpty();
        session.follow(browser.findElement(By.id("nav-meters")));
        assertThat(session.attributes("#results tr[data-meter]", "data-meter")).containsExactly("68410002");
        assertThat(session.statusInThisSession("/admin/users")).isEqualTo(403);
    }

    @Test
    void lockUnlockPasswordAndDeleteEachEndTheAccountsSessionAndAreAudited() throws IOException {
        long management = jdbc.sql("select management_org_id from building where address = ?")
                .param(DemoBuilding.ADDRESS).query(Long.class).single();
        UUID id = jdbc.sql("insert into app_user (username, password_hash, role, organisation_id) values"
                + " ('flat3', ?, 'MANAGER', ?) returning public_id").params(passwords.encode(PASSWORD), management)
                .query(UUID.class).single();
        FormSession flat3 = new FormSession(port);
        assertThat(location(flat3.login("flat3", PASSWORD))).doesNotContain("error");
        assertThat(flat3.get("/meters").statusCode()).isEqualTo(200);

        session.login("admin", "admin-demo");
        browser.get(session.url("/admin/users"));
        session.follow(browser.findElement(By.cssSelector("tr[data-user=flat3] a.user-link")));
        assertThat(session.h1()).isEqualTo("User flat3");
        session.follow(browser.findElement(By.id("lock")));
        assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("flat3 is locked.");
        assertThat(browser.findElement(By.cssSelector("p.state")).getText()).isEqualTo("locked");
        assertThat(location(flat3.get("/meters"))).as("the open session ended").endsWith("/login");
        assertThat(location(new FormSession(port).login("flat3", PASSWORD))).contains("/login?error");
        assertThat(audited("UPDATE", "flat3")).isEqualTo(1);

        session.follow(browser.findElement(By.id("unlock")));
        assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("flat3 is unlocked.");
        assertThat(location(flat3.login("flat3", PASSWORD))).doesNotContain("error");

        // five wrong passwords: the throttle refuses even the right one until an administrator unlocks
        FormSession guesser = new FormSession(port);
        for (int i = 0; i < 5; i++) {
            guesser.login("flat3", "wrong " + i);
        }
        assertThat(location(guesser.login("flat3", PASSWORD))).contains("/login?error");
        browser.navigate().refresh();
        assertThat(browser.findElement(By.cssSelector("p.state")).getText())
                .isEqualTo("sign-in refused after failed attempts");
        session.follow(browser.findElement(By.id("unlock")));
        assertThat(location(guesser.login("flat3", PASSWORD))).doesNotContain("error");
        assertThat(audited("THROTTLE_RELEASED", "flat3")).isEqualTo(1);

        browser.findElement(By.id("new-password")).sendKeys("an entirely new phrase");
        session.follow(browser.findElement(By.id("set-password")));
        assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("The password of flat3 was changed.");
        assertThat(location(guesser.get("/meters"))).as("sessions end with the old password").endsWith("/login");
        assertThat(location(new FormSession(port).login("flat3", PASSWORD))).contains("/login?error");
        assertThat(location(new FormSession(port).login("flat3", "an entirely new phrase"))).doesNotContain("error");
        assertThat(audited("PASSWORD_SET", "flat3")).isEqualTo(1);
        Browser.screenshot(browser, "user-account-en");

        browser.findElement(By.id("confirm")).click();
        session.follow(browser.findElement(By.id("delete")));
        assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("User flat3 was deleted.");
        assertThat(browser.findElements(By.cssSelector("tr[data-user=flat3]"))).isEmpty();
        assertThat(location(new FormSession(port).login("flat3", "an entirely new phrase"))).contains("/login?error");
        assertThat(jdbc.sql("select count(*) from audit_log where actor = 'user:admin' and entity = 'app_user'"
                + " and action = 'DELETE' and before ->> 'username' = 'flat3'").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from app_user where public_id = ?").param(id).query(Long.class).single())
                .isZero();
    }

    @Test
    void aNewRoleOrScopeTakesEffectAtOnceAndTheOldSessionEnds() {
        UUID id = jdbc.sql("insert into app_user (username, password_hash, role, premise_id) select 'flat4', ?,"
                + " 'RESIDENT', id from premise where public_id = ? returning public_id")
                .params(passwords.encode(PASSWORD), apartment("1")).query(UUID.class).single();
        FormSession flat4 = new FormSession(port);
        flat4.login("flat4", PASSWORD);
        assertThat(location(flat4.get("/"))).endsWith("/apartments/" + apartment("1"));

        session.login("admin", "admin-demo");
        browser.get(session.url("/admin/users/" + id));
        assertThat(new Select(browser.findElement(By.id("premise"))).getFirstSelectedOption().getText())
                .isEqualTo("Apt. 1");
        new Select(browser.findElement(By.id("premise"))).selectByVisibleText("Apt. 3");
        session.follow(browser.findElement(By.id("save")));
        assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("User flat4 was saved.");
        assertThat(location(flat4.get("/"))).as("the session of the old scope ended").endsWith("/login");
        flat4.login("flat4", PASSWORD);
        assertThat(location(flat4.get("/"))).endsWith("/apartments/" + apartment("3"));

        new Select(browser.findElement(By.id("role"))).selectByValue("MANAGER");
        session.awaitElement("organisation");
        assertThat(browser.findElements(By.id("premise"))).as("a manager has no apartment").isEmpty();
        new Select(browser.findElement(By.id("organisation"))).selectByVisibleText("УК «Демо»");
        session.follow(browser.findElement(By.id("save")));
        assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("User flat4 was saved.");
        flat4.login("flat4", PASSWORD);
        HttpResponse<String> portfolio = flat4.get("/");
        assertThat(portfolio.statusCode()).as("a manager has the portfolio").isEqualTo(200);
        assertThat(portfolio.body()).contains(DemoBuilding.ADDRESS);
        assertThat(audited("UPDATE", "flat4")).isEqualTo(2);
    }

    @Test
    void anAdministratorIsNotOfferedLockingOrDeletingTheirOwnAccountAndAForgedRequestIsRefused() throws IOException {
        session.login("admin", "admin-demo");
        browser.get(session.url("/admin/users"));
        session.follow(browser.findElement(By.cssSelector("tr[data-user=admin] a.user-link")));
        assertThat(browser.findElements(By.id("lock"))).as("no lock button on one's own account").isEmpty();
        assertThat(browser.findElements(By.id("delete"))).as("no delete button on one's own account").isEmpty();
        assertThat(browser.findElement(By.id("own-account")).getText()).contains("your own account");
        String self = browser.getCurrentUrl().substring(session.url("").length());

        FormSession admin = new FormSession(port);
        admin.login("admin", "admin-demo");
        HttpResponse<String> page = admin.get(self + "?lang=en");
        for (String forged : List.of(self + "/lock", self + "/delete")) {
            HttpResponse<String> refused = admin.postForm(forged, "confirm=yes", page.body());
            assertThat(refused.statusCode()).as(forged).isEqualTo(400);
            assertThat(refused.body()).as(forged).contains("You cannot lock, demote or delete your own account.");
        }
        assertThat(jdbc.sql("select count(*) from app_user where username = 'admin' and enabled").query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void aManagerIsRefusedTheUsersPageAndItsForms() throws IOException {
        session.login("manager", "manager-demo");
        assertThat(browser.findElements(By.id("nav-users"))).isEmpty();
        browser.get(session.url("/admin/users"));
        assertThat(browser.findElement(By.id("forbidden")).getText()).isEqualTo("Not for your role");
        assertThat(session.statusInThisSession("/admin/users")).isEqualTo(403);
        assertThat(session.statusInThisSession("/admin/users/new")).isEqualTo(403);
        Browser.screenshot(browser, "users-forbidden-en");

        FormSession manager = new FormSession(port);
        manager.login("manager", "manager-demo");
        HttpResponse<String> page = manager.get("/meters");
        HttpResponse<String> forged = manager.postForm("/admin/users/new",
                "action=save&username=intruder&password=" + FormSession.enc(PASSWORD) + "&role=ADMIN", page.body());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from app_user where username = 'intruder'").query(Long.class).single())
                .isZero();
    }

    @Test
    void theUsersPageSpeaksRussian() throws IOException {
        session.login("admin", "admin-demo");
        browser.get(session.url("/admin/users?lang=ru"));
        assertThat(session.h1()).isEqualTo("Пользователи");
        WebElement admin = browser.findElement(By.cssSelector("tr[data-user=admin]"));
        assertThat(admin.getText()).contains("администратор", "всё", "активен");
        assertThat(browser.findElement(By.cssSelector("tr[data-user=resident]")).getText())
                .contains("житель", "квартира 1, " + DemoBuilding.ADDRESS);
        Browser.screenshot(browser, "users-ru");
    }
}
