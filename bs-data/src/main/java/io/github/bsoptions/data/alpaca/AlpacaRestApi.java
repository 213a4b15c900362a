package io.github.bsoptions.data.alpaca;

import java.util.Map;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Headers;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.QueryMap;
import retrofit2.http.Streaming;

/**
 * The Alpaca market-data REST endpoints this client calls, as a Retrofit service on the client's
 * OkHttpClient (credentials interceptor, timeouts). Bodies come back raw ({@link Streaming}, not
 * buffered by Retrofit) so that {@link ChainPageParser} and {@link AlpacaJson} parse the bytes;
 * retries, deadlines and error mapping stay in {@code JsonHttp}. Query maps keep their insertion
 * order; {@code pageToken} is the {@code next_page_token} of the previous page, or null for the
 * first page (Retrofit omits null queries).
 */
interface AlpacaRestApi {
  /** {@code GET v2/stocks/{symbol}/quotes/latest}. */
  @Streaming
  @Headers("Accept: application/json")
  @GET("v2/stocks/{symbol}/quotes/latest")
  Call<ResponseBody> latestStockQuote(
      @Path("symbol") String symbol, @QueryMap Map<String, String> query);

  /** {@code GET v2/stocks/{symbol}/trades/latest}. */
  @Streaming
  @Headers("Accept: application/json")
  @GET("v2/stocks/{symbol}/trades/latest")
  Call<ResponseBody> latestStockTrade(
      @Path("symbol") String symbol, @QueryMap Map<String, String> query);

  /** {@code GET v2/stocks/{symbol}/snapshot}. */
  @Streaming
  @Headers("Accept: application/json")
  @GET("v2/stocks/{symbol}/snapshot")
  Call<ResponseBody> stockSnapshot(
      @Path("symbol") String symbol, @QueryMap Map<String, String> query);

  /** {@code GET v2/stocks/{symbol}/bars}, one page. */
  @Streaming
  @Headers("Accept: application/json")
  @GET("v2/stocks/{symbol}/bars")
  Call<ResponseBody> stockBars(
      @Path("symbol") String symbol,
      @QueryMap Map<String, String> query,
      @Query("page_token") String pageToken);

  /** {@code GET v1beta1/options/snapshots/{underlying}}, one page of the chain. */
  @Streaming
  @Headers("Accept: application/json")
  @GET("v1beta1/options/snapshots/{underlying}")
  Call<ResponseBody> optionSnapshots(
      @Path("underlying") String underlying,
      @QueryMap Map<String, String> query,
      @Query("page_token") String pageToken);

  /** {@code GET v1beta1/options/bars}, one page. */
  @Streaming
  @Headers("Accept: application/json")
  @GET("v1beta1/options/bars")
  Call<ResponseBody> optionBars(
      @QueryMap Map<String, String> query, @Query("page_token") String pageToken);

  /** {@code GET v1beta1/options/trades}, one page. */
  @Streaming
  @Headers("Accept: application/json")
  @GET("v1beta1/options/trades")
  Call<ResponseBody> optionTrades(
      @QueryMap Map<String, String> query, @Query("page_token") String pageToken);

  /** {@code GET v1beta1/options/quotes/latest}. */
  @Streaming
  @Headers("Accept: application/json")
  @GET("v1beta1/options/quotes/latest")
  Call<ResponseBody> latestOptionQuotes(@QueryMap Map<String, String> query);

  /** The trading API's endpoints (a separate base URL). */
  interface Trading {
    /** {@code GET v2/options/contracts}, one page. */
    @Streaming
    @Headers("Accept: application/json")
    @GET("v2/options/contracts")
    Call<ResponseBody> optionContracts(
        @QueryMap Map<String, String> query, @Query("page_token") String pageToken);
  }
}
