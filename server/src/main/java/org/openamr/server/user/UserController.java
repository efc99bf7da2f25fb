package org.openamr.server.user;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.openamr.server.api.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Accounts (administrators only), the caller's own profile and the caller's API tokens. */
@RestController
@Tag(name = "Users")
class UserController {

    private final UserService users;
    private final ApiTokenService tokens;

    UserController(UserService users, ApiTokenService tokens) {
        this.users = users;
        this.tokens = tokens;
    }
    @GetMapping("/api/v1/me")
    @Operation(summary = "The signed-in user")
    UserService.Profile me() {
        return users.me();
    }

    @GetMapping("/api/v1/users")
    @PreAuthorize("hasRole('ADMIN')")
    Page<UserService.Profile> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return users.list(page, size);
    }

    @PostMapping("/api/v1/users")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    UserService.Profile create(@Valid @RequestBody UserService.Input in) {
        return users.create(in);
    }

    @PutMapping("/api/v1/users/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    UserService.Profile update(@PathVariable UUID id, @Valid @RequestBody UserService.Input in) {
        return users.update(id, in);
    }

    @DeleteMapping("/api/v1/users/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Deletes an account and its API tokens; not one's own")
    void delete(@PathVariable UUID id) {
        users.delete(id);
    }

    @GetMapping("/api/v1/tokens")
    @Operation(summary = "The caller's API tokens (never the tokens themselves)")
    List<ApiTokenService.TokenInfo> tokens() {
        return tokens.list();
    }

    @PostMapping("/api/v1/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new API token for the caller, shown once")
    ApiTokenService.NewToken createToken(@Valid @RequestBody ApiTokenService.TokenInput in) {
        return tokens.create(in);
    }

    @DeleteMapping("/api/v1/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id) {
        tokens.revoke(id);
    }
}
