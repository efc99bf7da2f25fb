package org.openamr.server.web;

import java.util.List;
import org.openamr.server.demo.DemoLogin;
import org.openamr.server.demo.DemoStartup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles the POST. On the demo it lists the demo accounts. */
@Controller
class LoginController {

    private final ObjectProvider<DemoStartup> demo;

    LoginController(ObjectProvider<DemoStartup> demo) {
        this.demo = demo;
    }

    @GetMapping("/login")
    String login(@RequestParam(name = "retry", required = false) String retry, Model model) {
        // set by SecurityConfiguration's failure handler when the login throttle refused the attempt
        model.addAttribute("retrySeconds", retry != null && retry.matches("[1-9][0-9]{0,6}") ? Long.valueOf(retry) : null);
        DemoStartup startup = demo.getIfAvailable();
        List<DemoLogin> accounts = startup == null ? List.of() : startup.accounts();
        model.addAttribute("demoAccounts", accounts);
        return "login";
    }
}
