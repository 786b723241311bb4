package dev.annals.node.devnet;

import dev.annals.farmer.FarmEvent;
import java.util.function.Consumer;

/** Turns the embedded farmer's {@link FarmEvent}s into devnet log lines. */
final class FarmEventLog implements Consumer<FarmEvent> {
  private final Consumer<String> log;

  FarmEventLog(Consumer<String> log) {
    this.log = log;
  }

  @Override
  public void accept(FarmEvent event) {
    log.accept(line(event));
  }

  static String line(FarmEvent event) {
    String farm = "farm " + event.owner().toHex().substring(0, 8) + ": ";
    return switch (event) {
      case FarmEvent.SectorPlotted e ->
          farm
              + "sector "
              + e.sector()
              + (e.replot() ? " replotted" : " plotted")
              + " at history size "
              + e.historySize()
              + " in "
              + e.took().toMillis()
              + " ms ("
              + e.ready()
              + "/"
              + e.total()
              + ")";
      case FarmEvent.SectorReused e ->
          farm + "sector " + e.sector() + " re-used (" + e.ready() + "/" + e.total() + ")";
      case FarmEvent.SectorExpired e ->
          farm
              + "sector "
              + e.sector()
              + " expired at history size "
              + e.expiration()
              + " (now "
              + e.current()
              + "), replotting it";
      default -> farm + event;
    };
  }
}
