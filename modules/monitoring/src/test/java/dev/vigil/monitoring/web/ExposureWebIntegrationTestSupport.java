package dev.vigil.monitoring.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.monitoring.MonitoringTestApplication;
import dev.vigil.monitoring.MonitoringTestSupport;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** What monitoring's web tests share: one application context, the API as a user calls it, users and exposures. */
@SpringBootTest(classes = MonitoringTestApplication.class)
@AutoConfigureMockMvc
abstract class ExposureWebIntegrationTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ConsistentCommandGateway commands;

    @Autowired
    JdbcClient jdbc;

    ExposureApi api() {
        return new ExposureApi(mvc, json);
    }

    ExposureFixtures fixtures() {
        return new ExposureFixtures(commands, jdbc);
    }

    /** A user registered through identity, whom monitoring knows. */
    UUID newUser() {
        return MonitoringTestSupport.registerUser(commands);
    }
}
