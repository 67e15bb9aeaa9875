package io.headroom.demo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.headroom.HeadroomApplication;
import org.springframework.boot.test.context.SpringBootTest;

/** A whole Headroom with the demo fleet on at 40 requests/s; test classes with it share one instance. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = HeadroomApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "headroom.otlp.port=0",
                "headroom.db.embedded.data-dir=target/it-pgdata/${random.uuid}",
                "headroom.demo.rps=40",
        })
@interface DemoFleetTest {
}
