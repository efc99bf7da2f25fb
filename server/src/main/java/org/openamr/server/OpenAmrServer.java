package org.openamr.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The head-end server: registry, readings, consumption, polling, ingest and the API. */
@SpringBootApplication
@EnableScheduling
public class OpenAmrServer {

    public static void main(String[] args) {
        SpringApplication.run(OpenAmrServer.class, args);
    }
}
