package org.openamr.server.web;

import java.util.List;
import org.openamr.server.demo.DemoLogin;
import org.openamr.server.demo.DemoStartup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the POST. On the demo it lists the demo accounts. */
@Controller
class LoginController {

    private final ObjectProvider<DemoStartup> demo;

    LoginController(ObjectProvider<DemoStartup> demo) {
        this.demo = demo;
    }

    @GetMapping("/login")
    String login(Model model) {
        DemoStartup startup = demo.getIfAvailable();
        List<DemoLogin> accounts = startup == null ? List.of() : startup.accounts();
        model.addAttribute("demoAccounts", accounts);
        return "login";
    }
}
