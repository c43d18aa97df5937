package io.tccmall.coupon;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.tccmall.common.testsupport.SeataTestServer;
import io.tccmall.common.testsupport.SeataTestServerInitializer;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The service with Seata enabled (TCC proxy, the fence, a TM) against the test JVM's
 * Seata TC ({@link SeataTestServer}: {@code TCCMALL_SEATA_TC}, else one started for the
 * JVM) and a database of its own, {@code tccmall_coupon_tc_test}, rebuilt from the
 * migrations when the context starts. Every class carrying this annotation shares one
 * application context, so the JVM has one context running Seata's fence (whose data
 * source is static).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "seata.enabled=true", "tccmall.database=tccmall_coupon_tc_test",
		"spring.flyway.clean-disabled=false", "spring.datasource.hikari.maximum-pool-size=5",
		"spring.datasource.hikari.minimum-idle=1" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(AbstractIntegrationTest.CleanMigration.class)
@ContextConfiguration(initializers = SeataTestServerInitializer.class)
public @interface SeataTcTest {

}
