package example.shop;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the shop serves; Chaos Monkey's rest-controller watcher attacks it. */
@RestController
public class PriceController {

    @GetMapping("/price")
    public String price() {
        return "42";
    }
}
