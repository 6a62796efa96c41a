package org.kaohe.api;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/** {@link ConcurrencyScenarios} on the tests' embedded H2 database. */
@SpringBootTest
@AutoConfigureMockMvc
class ConcurrencyIntegrationTests extends ConcurrencyScenarios {

}
