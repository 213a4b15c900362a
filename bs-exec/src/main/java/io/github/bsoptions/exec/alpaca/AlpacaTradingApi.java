package io.github.bsoptions.exec.alpaca;

import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.Headers;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * Alpaca trading REST endpoints as a Retrofit service, built on {@link AlpacaBrokerClient}'s one
 * configured {@code OkHttpClient} (connection-failure retries off, no redirects, timeouts).
 *
 * <p>Every method returns the raw body: {@link AlpacaJson} reads and writes the JSON, and the
 * client classifies status codes and transport failures. The order-placing methods take a {@link
 * RequestBody} the caller builds as one-shot; Retrofit passes it to OkHttp unchanged, so OkHttp
 * never transmits it twice. A {@link Call} is executed once and never cloned for a retry.
 *
 * <p>Relative paths: the base URL ends in {@code /} and may carry a path prefix.
 */
interface AlpacaTradingApi {
  /** Header carrying the key id. */
  String KEY_ID = "APCA-API-KEY-ID";

  /** Header carrying the secret key. */
  String SECRET_KEY = "APCA-API-SECRET-KEY";

  /** Every call asks for JSON. */
  String ACCEPT_JSON = "Accept: application/json";

  /** {@code POST /v2/orders}; {@code body} must be one-shot. */
  @Headers(ACCEPT_JSON)
  @POST("v2/orders")
  Call<ResponseBody> submit(
      @Header(KEY_ID) String keyId, @Header(SECRET_KEY) String secret, @Body RequestBody body);

  /** {@code PATCH /v2/orders/{id}}; {@code body} must be one-shot. */
  @Headers(ACCEPT_JSON)
  @PATCH("v2/orders/{id}")
  Call<ResponseBody> replace(
      @Header(KEY_ID) String keyId,
      @Header(SECRET_KEY) String secret,
      @Path("id") String brokerOrderId,
      @Body RequestBody body);

  /** {@code DELETE /v2/orders/{id}}. */
  @Headers(ACCEPT_JSON)
  @DELETE("v2/orders/{id}")
  Call<ResponseBody> cancel(
      @Header(KEY_ID) String keyId,
      @Header(SECRET_KEY) String secret,
      @Path("id") String brokerOrderId);

  /** {@code GET /v2/orders/{id}}. */
  @Headers(ACCEPT_JSON)
  @GET("v2/orders/{id}")
  Call<ResponseBody> order(
      @Header(KEY_ID) String keyId,
      @Header(SECRET_KEY) String secret,
      @Path("id") String brokerOrderId);

  /** {@code GET /v2/orders:by_client_order_id}. */
  @Headers(ACCEPT_JSON)
  @GET("v2/orders:by_client_order_id")
  Call<ResponseBody> orderByClientOrderId(
      @Header(KEY_ID) String keyId,
      @Header(SECRET_KEY) String secret,
      @Query("client_order_id") String clientOrderId);

  /** {@code GET /v2/orders}. */
  @Headers(ACCEPT_JSON)
  @GET("v2/orders")
  Call<ResponseBody> orders(
      @Header(KEY_ID) String keyId,
      @Header(SECRET_KEY) String secret,
      @Query("status") String status,
      @Query("limit") int limit,
      @Query("direction") String direction);

  /** {@code GET /v2/positions}. */
  @Headers(ACCEPT_JSON)
  @GET("v2/positions")
  Call<ResponseBody> positions(@Header(KEY_ID) String keyId, @Header(SECRET_KEY) String secret);

  /** {@code GET /v2/account}. */
  @Headers(ACCEPT_JSON)
  @GET("v2/account")
  Call<ResponseBody> account(@Header(KEY_ID) String keyId, @Header(SECRET_KEY) String secret);

  /** {@code GET /v2/account/activities/FILL}; {@code pageToken} null on the first page. */
  @Headers(ACCEPT_JSON)
  @GET("v2/account/activities/FILL")
  Call<ResponseBody> fillActivities(
      @Header(KEY_ID) String keyId,
      @Header(SECRET_KEY) String secret,
      @Query("after") String after,
      @Query("direction") String direction,
      @Query("page_size") int pageSize,
      @Query("page_token") String pageToken);
}
