module consumer.jpms {
  requires io.github.bsoptions.pricing;
}
