package io.tradingactors.actors.serialization;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import io.tradingactors.domain.state.PerformanceState;
import io.tradingactors.domain.state.PerformanceStateMemento;
import java.io.IOException;
import java.io.NotSerializableException;
import java.util.Optional;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperProvider;

/**
 * State snapshots of the performance actor: {@link PerformanceState} through its plain-data
 * {@link PerformanceStateMemento}, as Jackson CBOR (doubles stored as 64-bit floats, so restoring is exact). The
 * manifest carries the memento version.
 */
public final class PerformanceStateSerializer extends SerializerWithStringManifest {

  static final String MANIFEST_V1 = "performance-state-v1";

  private final ObjectMapper mapper;

  public PerformanceStateSerializer(ExtendedActorSystem system) {
    this.mapper =
        JacksonObjectMapperProvider.get(system).getOrCreate("jackson-cbor", Optional.of(new CBORFactory()));
  }

  @Override
  public int identifier() {
    return 7_301;
  }

  @Override
  public String manifest(Object o) {
    return MANIFEST_V1;
  }

  @Override
  public byte[] toBinary(Object o) {
    if (!(o instanceof PerformanceState state)) {
      throw new IllegalArgumentException("cannot serialize " + o.getClass());
    }
    try {
      return mapper.writeValueAsBytes(PerformanceStateMemento.of(state));
    } catch (IOException e) {
      throw new IllegalStateException("performance state snapshot could not be written", e);
    }
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    if (!MANIFEST_V1.equals(manifest)) {
      throw new NotSerializableException("unknown performance state manifest " + manifest);
    }
    try {
      return mapper.readValue(bytes, PerformanceStateMemento.class).toState();
    } catch (IOException e) {
      throw new NotSerializableException("performance state snapshot unreadable: " + e.getMessage());
    }
  }
}
