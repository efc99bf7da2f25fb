package org.openamr.server.web;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page; Spring Security handles the POST. It lists accounts only when a {@link SignInHints} bean exists,
 * which only the demo provides.
 */
@Controller
class LoginController {

    private final ObjectProvider<SignInHints> hints;

    LoginController(ObjectProvider<SignInHints> hints) {
        this.hints = hints;
    }

    @GetMapping("/login")
    String login(@RequestParam(name = "retry", required = false) String retry, Model model) {
        // set by SecurityConfiguration's failure handler when the login throttle refused the attempt
        model.addAttribute("retrySeconds", retry != null && retry.matches("[1-9][0-9]{0,6}") ? Long.valueOf(retry) : null);
        SignInHints provided = hints.getIfAvailable();
        List<SignInHints.Account> accounts = provided == null ? List.of() : provided.accounts();
        model.addAttribute("signInHints", accounts);
        return "login";
    }
}
