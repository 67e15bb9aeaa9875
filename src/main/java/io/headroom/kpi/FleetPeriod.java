package io.headroom.kpi;

import java.time.Instant;
import java.util.List;

/**
 * The whole fleet over one period, in the few numbers a manager asks for. Transactions are
 * requests that started a trace (no parent span): one per thing the fleet was asked to do,
 * however many services it then passed through; requests count every service's entry spans.
 *
 * @param services how many services had requests in the period
 * @param transactionsPerSecond each service's transactions over the part of the period since its first requests, summed
 * @param availability the share of requests, across every service, that succeeded; null without requests
 * @param costPerHour what the priced services cost per hour at the period's end; null when none is priced
 * @param cost what the priced services' instance-hours in the period cost; null when none is priced
 * @param costPer1kTransactions cost over transactions, times 1,000; null without either
 * @param pricedServices how many services the cost figures cover
 */
public record FleetPeriod(Instant from, Instant to, int services, long transactions, double transactionsPerSecond, long requests,
        long errors, Double availability, Double costPerHour, Double cost, Double costPer1kTransactions, int pricedServices) {

    static FleetPeriod of(Instant from, Instant to, List<ServiceSummary> summaries) {
        long transactions = 0;
        long requests = 0;
        long errors = 0;
        double costPerHour = 0;
        double cost = 0;
        int priced = 0;
        int serving = 0;
        double transactionRate = 0;
        for (ServiceSummary summary : summaries) {
            if (summary.requests() > 0) {
                serving++;
                // Each service's rate covers the part of the period since its first requests (see ServiceSummary):
                // a fleet that started an hour ago is not diluted over a 24-hour range.
                transactionRate += summary.throughput() * summary.transactions() / summary.requests();
            }
            transactions += summary.transactions();
            requests += summary.requests();
            errors += summary.errors();
            Capacity capacity = summary.capacity();
            if (capacity.pricePerInstanceHour() != null && capacity.cost() != null) {
                priced++;
                cost += capacity.cost();
                costPerHour += capacity.costPerHour() == null ? 0 : capacity.costPerHour();
            }
        }
        return new FleetPeriod(from, to, serving, transactions, transactionRate, requests, errors,
                requests == 0 ? null : 1 - errors / (double) requests, priced == 0 ? null : costPerHour, priced == 0 ? null : cost,
                priced == 0 || transactions == 0 ? null : cost / transactions * 1000, priced);
    }
}
