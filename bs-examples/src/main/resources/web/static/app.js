// bs-options dashboard: renders the topics of /events (server-sent events) into tables and
// Chart.js charts. No framework, no CDN: Chart.js comes from its WebJar.
'use strict';

(function () {
  const page = document.body.dataset.page;
  const state = { updates: 0, charts: {}, equity: [] };
  window.bsDashboard = state;

  const nav = document.getElementById('nav-' + page);
  if (nav) nav.classList.add('active');

  const COLORS = ['#4fa3ff', '#f0883e', '#3fb950', '#d2a8ff', '#f85149', '#e3b341', '#56d4dd'];

  function fmt(v, digits) {
    if (v === null || v === undefined || Number.isNaN(v)) return '';
    return Number(v).toFixed(digits);
  }
  function pct(v, digits) {
    return v === null || v === undefined ? '' : (100 * v).toFixed(digits) + '%';
  }
  function time(ms) {
    return ms ? new Date(ms).toISOString().substring(11, 19) : '';
  }
  function micros(v) {
    if (v === null || v === undefined) return '-';
    if (v < 1) return (v * 1000).toFixed(0) + ' ns';
    if (v < 1000) return v.toFixed(1) + ' µs';
    return (v / 1000).toFixed(2) + ' ms';
  }
  function td(text, cls) {
    const c = document.createElement('td');
    c.textContent = text;
    if (cls) c.className = cls;
    return c;
  }
  function fill(tableId, rows, cells) {
    const table = document.getElementById(tableId);
    if (!table) return;
    const body = table.tBodies[0];
    const frag = document.createDocumentFragment();
    if (rows.length === 0) {
      const tr = document.createElement('tr');
      tr.className = 'empty';
      const c = td('no data');
      c.colSpan = table.tHead ? table.tHead.rows[0].cells.length : 2;
      tr.appendChild(c);
      frag.appendChild(tr);
    }
    for (const r of rows) {
      const tr = document.createElement('tr');
      for (const c of cells(r)) tr.appendChild(c);
      frag.appendChild(tr);
    }
    body.replaceChildren(frag);
  }
  function signed(v, digits) {
    return td(fmt(v, digits), v > 0 ? 'pos' : v < 0 ? 'neg' : '');
  }

  function chart(id, type, options) {
    const canvas = document.getElementById(id);
    if (!canvas || typeof Chart === 'undefined') return null;
    if (!state.charts[id]) {
      state.charts[id] = new Chart(canvas, {
        type: type,
        data: { labels: [], datasets: [] },
        options: Object.assign(
          {
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            plugins: { legend: { labels: { color: '#d8dee6' } } },
            scales: {
              x: { ticks: { color: '#8a96a3' }, grid: { color: '#222b35' } },
              y: { ticks: { color: '#8a96a3' }, grid: { color: '#222b35' } },
            },
          },
          options || {}
        ),
      });
    }
    return state.charts[id];
  }

  const render = {
    chain(c) {
      const meta = document.getElementById('chain-meta');
      if (meta) meta.textContent = c.underlying + ' spot ' + fmt(c.spot, 2) + ' at ' + time(c.asOfMillis);
      fill('chain-table', c.rows, (r) => [
        td(r.symbol), td(r.type), td(r.expiry), td(fmt(r.strike, 2)), td(fmt(r.bid, 2)),
        td(fmt(r.ask, 2)), td(pct(r.iv, 1)), td(fmt(r.delta, 3)), td(fmt(r.gamma, 4)),
        td(fmt(r.vega, 3)), td(fmt(r.theta, 3)), td(String(r.volume)), td(String(r.openInterest)),
        td(fmt(r.score, 3)),
      ]);
    },
    surface(s) {
      const smile = chart('smile-chart', 'line', {
        scales: {
          x: { type: 'linear', title: { display: true, text: 'strike', color: '#8a96a3' }, ticks: { color: '#8a96a3' }, grid: { color: '#222b35' } },
          y: { title: { display: true, text: 'implied vol', color: '#8a96a3' }, ticks: { color: '#8a96a3' }, grid: { color: '#222b35' } },
        },
      });
      if (smile) {
        smile.data.datasets = s.smiles.map((sm, i) => ({
          label: sm.expiry,
          data: sm.points.filter((p) => p.iv !== null).map((p) => ({ x: p.strike, y: p.iv })),
          borderColor: COLORS[i % COLORS.length],
          backgroundColor: COLORS[i % COLORS.length],
          pointRadius: 2,
        }));
        smile.update('none');
      }
      const term = chart('term-chart', 'line', {
        scales: {
          x: { type: 'linear', title: { display: true, text: 'years to expiry', color: '#8a96a3' }, ticks: { color: '#8a96a3' }, grid: { color: '#222b35' } },
          y: { title: { display: true, text: 'ATM implied vol', color: '#8a96a3' }, ticks: { color: '#8a96a3' }, grid: { color: '#222b35' } },
        },
      });
      if (term) {
        term.data.datasets = [{
          label: s.underlying + ' ATM IV',
          data: s.term.filter((p) => p.atmIv !== null).map((p) => ({ x: p.years, y: p.atmIv })),
          borderColor: COLORS[0], backgroundColor: COLORS[0], pointRadius: 3,
        }];
        term.update('none');
      }
    },
    signals(list) {
      fill('signals-table', list, (s) => [
        td(time(s.atMillis)), td(s.symbol), td(s.strategy), td(s.direction),
        td(fmt(s.score, 3)), td(pct(s.probability, 1)), td(s.reason),
      ]);
    },
    portfolio(p) {
      const meta = document.getElementById('portfolio-meta');
      if (meta) meta.textContent = 'at ' + time(p.asOfMillis);
      fill('positions-table', p.positions, (r) => [
        td(r.symbol), td(fmt(r.quantity, 0)), td(fmt(r.averagePrice, 2)), td(fmt(r.mark, 2)),
        signed(r.unrealized, 2), td(fmt(r.delta, 2)), td(fmt(r.gamma, 4)), td(fmt(r.vega, 2)),
        td(fmt(r.theta, 2)),
      ]);
      const net = document.getElementById('net-greeks');
      if (net) {
        const cells = net.querySelectorAll('td');
        [p.netDelta, p.netGamma, p.netVega, p.netTheta].forEach((v, i) => {
          cells[i].textContent = fmt(v, i === 1 ? 4 : 2);
        });
      }
    },
    equity(points) {
      state.equity = points.slice();
      drawEquity();
    },
    'equity-point'(point) {
      state.equity.push(point);
      if (state.equity.length > 5000) state.equity.shift();
      drawEquity();
    },
    latency(rows) {
      fill('latency-table', rows, (r) => [
        td(r.stage), td(String(r.count)), td(r.count ? micros(r.p50Micros) : '-'),
        td(r.count ? micros(r.p99Micros) : '-'), td(r.count ? micros(r.maxMicros) : '-'),
        td(r.targetMicros === null ? '-' : micros(r.targetMicros)),
        td(r.count === 0 ? 'no samples' : r.targetMicros === null ? '-' : r.ok ? 'ok' : 'OVER', r.ok ? 'ok' : 'over'),
      ]);
      const c = chart('latency-chart', 'bar', {
        scales: {
          x: { ticks: { color: '#8a96a3' }, grid: { color: '#222b35' } },
          y: { type: 'logarithmic', title: { display: true, text: 'µs', color: '#8a96a3' }, ticks: { color: '#8a96a3' }, grid: { color: '#222b35' } },
        },
      });
      if (c) {
        c.data.labels = rows.map((r) => r.stage);
        c.data.datasets = [
          { label: 'p50', data: rows.map((r) => r.p50Micros || null), backgroundColor: COLORS[0] },
          { label: 'p99', data: rows.map((r) => r.p99Micros || null), backgroundColor: COLORS[1] },
          { label: 'target', data: rows.map((r) => r.targetMicros), backgroundColor: '#3fb95066' },
        ];
        c.update('none');
      }
    },
    health(list) {
      fill('health-table', list, (h) => [
        td(h.component), td(h.kind), td(h.status, h.status), td(h.detail), td(time(h.checkedAtMillis)),
      ]);
    },
    backtest(b) {
      const meta = document.getElementById('backtest-meta');
      if (meta) meta.textContent = b.name + ' at ' + new Date(b.ranAtMillis).toISOString();
      const kv = [
        ['Total return', pct(b.totalReturn, 2)], ['Sharpe (annualized)', fmt(b.sharpe, 2)],
        ['Max drawdown', pct(b.maxDrawdown, 2)], ['Hit rate', pct(b.hitRate, 1)],
        ['Trades', String(b.trades)], ['Turnover', fmt(b.turnover, 2)],
        ['Option prices / s', b.pricesPerSecond === null ? '' : Math.round(b.pricesPerSecond).toLocaleString('en-US')],
      ];
      fill('backtest-table', kv, (r) => [td(r[0]), td(r[1])]);
      const c = chart('backtest-chart', 'line');
      if (c) {
        c.data.labels = b.equity.map((p) => new Date(p.atMillis).toISOString().substring(0, 10));
        c.data.datasets = [{ label: 'equity', data: b.equity.map((p) => p.equity), borderColor: COLORS[2], pointRadius: 0 }];
        c.update('none');
      }
    },
  };

  function drawEquity() {
    const meta = document.getElementById('equity-meta');
    const last = state.equity[state.equity.length - 1];
    if (meta && last) meta.textContent = 'equity ' + fmt(last.equity, 2) + ' · realized ' + fmt(last.realized, 2) + ' · unrealized ' + fmt(last.unrealized, 2);
    const c = chart('equity-chart', 'line');
    if (!c) return;
    c.data.labels = state.equity.map((p) => time(p.atMillis));
    c.data.datasets = [
      { label: 'equity', data: state.equity.map((p) => p.equity), borderColor: COLORS[0], pointRadius: 0 },
      { label: 'realized P&L', data: state.equity.map((p) => p.realized), borderColor: COLORS[2], pointRadius: 0, yAxisID: 'y1' },
    ];
    c.options.scales.y1 = { position: 'right', ticks: { color: '#8a96a3' }, grid: { drawOnChartArea: false } };
    c.update('none');
  }

  const live = document.getElementById('live');
  const count = document.getElementById('sse-count');
  const lastSeen = document.getElementById('sse-last');
  const source = new EventSource('/events');
  source.onopen = () => { live.textContent = 'live'; live.classList.add('on'); };
  source.onerror = () => { live.textContent = 'reconnecting…'; live.classList.remove('on'); };
  for (const topic of Object.keys(render)) {
    source.addEventListener(topic, (e) => {
      render[topic](JSON.parse(e.data));
      state.updates++;
      count.textContent = String(state.updates);
      lastSeen.textContent = topic + ' ' + new Date().toISOString().substring(11, 19);
    });
  }
})();
