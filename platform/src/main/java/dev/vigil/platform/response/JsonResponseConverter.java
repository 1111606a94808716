package dev.vigil.platform.response;

import java.io.IOException;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;

/** Writes a {@link JsonResponse}'s body as it is, as {@code application/json}; reads nothing. */
final class JsonResponseConverter extends AbstractHttpMessageConverter<JsonResponse<?>> {

    JsonResponseConverter() {
        super(MediaType.APPLICATION_JSON);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return JsonResponse.class == type;
    }

    @Override
    public boolean canRead(Class<?> type, @Nullable MediaType mediaType) {
        return false;
    }

    @Override
    protected JsonResponse<?> readInternal(Class<? extends JsonResponse<?>> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("a JSON response is never read", input);
    }

    @Override
    protected Long getContentLength(JsonResponse<?> response, @Nullable MediaType contentType) {
        return (long) response.bodyLength();
    }

    @Override
    protected void writeInternal(JsonResponse<?> response, HttpOutputMessage output) throws IOException {
        response.writeBodyTo(output.getBody());
    }
}
