module consumer.jpms {
  requires io.github.bsoptions.pricing;
  requires io.github.bsoptions.data;
  requires jdk.httpserver;
}
