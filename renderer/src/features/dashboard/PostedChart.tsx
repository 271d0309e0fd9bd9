import { BarChart } from '@mantine/charts';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useNow } from '@renderer/app/useNow';
import type { PostedDay } from '@shared/contract';
import { DateTime } from 'luxon';
import { useDashboard } from './dashboardStore';

const days = 30;

/** The last 30 UTC days, each with its amount (zero when nothing was posted). */
function daysOf(posted: PostedDay[], currency: string, today: Date) {
  const end = DateTime.fromJSDate(today, { zone: 'utc' }).startOf('day');
  return Array.from({ length: days }, (_, index) => {
    const day = end.minus({ days: days - 1 - index }).toISODate() ?? '';
    const found = posted.find((entry) => entry.day === day && entry.currency === currency);
    return { day: day.slice(5), amount: found?.amount ?? 0 };
  });
}

function money(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** "Amount posted per day": one chart per currency, over the last 30 days. */
export function PostedChart() {
  const summary = useDashboard((state) => state.summary);
  const now = useNow();
  if (!summary) return null;
  const currencies = [...new Set(summary.postedPerDay.map((entry) => entry.currency))].sort();
  return (
    <Paper component="section" aria-labelledby="posted-per-day" withBorder p="lg">
      <Stack gap="sm">
        <Title order={2} size="h4" id="posted-per-day">
          Amount posted per day (last 30 days, UTC)
        </Title>
        {currencies.length === 0 && (
          <Text size="sm" c="dimmed">
            Nothing was posted to ConnectWise in the last 30 days.
          </Text>
        )}
        {currencies.map((currency) => {
          const entries = summary.postedPerDay.filter((entry) => entry.currency === currency);
          const total = entries.reduce((sum, entry) => sum + entry.amount, 0);
          const lines = entries.reduce((sum, entry) => sum + entry.lines, 0);
          const description = `${currency}: ${money(total, currency)} in ${lines} ${lines === 1 ? 'line' : 'lines'} over ${entries.length} ${entries.length === 1 ? 'day' : 'days'}`;
          return (
            <Stack gap={4} key={currency}>
              <Text size="sm" fw={600}>
                {description}
              </Text>
              <div role="img" aria-label={`Amount posted per day in ${description}`}>
                <BarChart
                  h={180}
                  data={daysOf(summary.postedPerDay, currency, now)}
                  dataKey="day"
                  series={[{ name: 'amount', label: currency, color: 'blue.6' }]}
                  valueFormatter={(value) => money(value, currency)}
                  tickLine="y"
                />
              </div>
            </Stack>
          );
        })}
      </Stack>
    </Paper>
  );
}
