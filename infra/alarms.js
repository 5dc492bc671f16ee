'use strict';
/**
 * CloudWatch alarms, generated for every function in serverless.yml (infra/per-function-iam.js adds them to
 * the template). All go to the AlarmTopic SNS topic (resources in serverless.yml) that the operator subscribes
 * to (ALARM_EMAIL at deploy, or any subscription added later). Threshold knobs are in custom.stage.alarms.
 *
 *   <Fn>ErrorsAlarm / <Fn>ThrottlesAlarm   any Lambda error or throttle of that function in 5 minutes
 *   ApiServerErrorRateAlarm                HTTP API 5xx above apiErrorRatePercent of requests (5 min, >= 20 requests)
 *   TableThrottlesAlarm                    any DynamoDB read or write throttle event on the table
 *   TableSystemErrorsAlarm                 any DynamoDB system error (HTTP 500) on the operations the code uses
 *   SchedulerMissedRunAlarm                the 5-minute sweep did not run for 15 minutes
 *   DigestMissedRunAlarm                   the morning digest did not run within a day
 *   ScheduleDeadLetterAlarm                a failed scheduler/digest invocation reached the dead-letter queue
 *   OverdueAppealsAlarm                    some station has more overdue open appeals than overdueAppealsPerStation
 *                                          (metric OverdueOpenAppealsMaxPerStation, emitted by the sweep via EMF)
 *   NotifierFailuresAlarm                  the notifier gave up on a notification (stream record parked in NotifierFailures)
 *   CalendarNoticeMissingAlarm             from 1 November, next year's State Council holiday notice is not entered
 *                                          (metric CalendarNoticeMissing, EMF from functions/services/calendar-service.ts)
 */
const NAMESPACE = 'zqztc';
const SYSTEM_ERROR_OPERATIONS = ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'BatchGetItem', 'BatchWriteItem', 'TransactWriteItems'];

function alarmsFor({ functions, stage, thresholds, normalize }) {
  const actions = { AlarmActions: [{ Ref: 'AlarmTopic' }], OKActions: [{ Ref: 'AlarmTopic' }] };
  const alarm = (description, props) => ({
    Type: 'AWS::CloudWatch::Alarm',
    Properties: { AlarmDescription: `[zqztc ${stage}] ${description}`, ...actions, ...props },
  });
  const simple = (description, namespace, metric, dimensions, extra) =>
    alarm(description, {
      Namespace: namespace,
      MetricName: metric,
      Dimensions: dimensions,
      Statistic: 'Sum',
      Period: 300,
      EvaluationPeriods: 1,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      ...extra,
    });
  const tableDim = [{ Name: 'TableName', Value: { Ref: 'Table' } }];
  const resources = {};

  for (const { key, name } of functions) {
    const fnDim = [{ Name: 'FunctionName', Value: name }];
    resources[`${normalize(key)}ErrorsAlarm`] = simple(`${name}: Lambda errors`, 'AWS/Lambda', 'Errors', fnDim);
    resources[`${normalize(key)}ThrottlesAlarm`] = simple(`${name}: Lambda throttles`, 'AWS/Lambda', 'Throttles', fnDim);
  }

  resources.ApiServerErrorRateAlarm = alarm(`HTTP API 5xx above ${thresholds.apiErrorRatePercent}% of requests`, {
    Metrics: [
      { Id: 'errors', ReturnData: false, MetricStat: { Metric: { Namespace: 'AWS/ApiGateway', MetricName: '5xx', Dimensions: [{ Name: 'ApiId', Value: { Ref: 'HttpApi' } }] }, Period: 300, Stat: 'Sum' } },
      { Id: 'requests', ReturnData: false, MetricStat: { Metric: { Namespace: 'AWS/ApiGateway', MetricName: 'Count', Dimensions: [{ Name: 'ApiId', Value: { Ref: 'HttpApi' } }] }, Period: 300, Stat: 'Sum' } },
      { Id: 'rate', Label: '5xx percent', ReturnData: true, Expression: 'IF(requests >= 20, 100 * errors / requests, 0)' },
    ],
    EvaluationPeriods: 1,
    Threshold: thresholds.apiErrorRatePercent,
    ComparisonOperator: 'GreaterThanThreshold',
    TreatMissingData: 'notBreaching',
  });

  resources.TableThrottlesAlarm = alarm('DynamoDB throttled reads or writes', {
    Metrics: [
      { Id: 'reads', ReturnData: false, MetricStat: { Metric: { Namespace: 'AWS/DynamoDB', MetricName: 'ReadThrottleEvents', Dimensions: tableDim }, Period: 300, Stat: 'Sum' } },
      { Id: 'writes', ReturnData: false, MetricStat: { Metric: { Namespace: 'AWS/DynamoDB', MetricName: 'WriteThrottleEvents', Dimensions: tableDim }, Period: 300, Stat: 'Sum' } },
      { Id: 'throttles', Label: 'throttle events', ReturnData: true, Expression: 'reads + writes' },
    ],
    EvaluationPeriods: 1,
    Threshold: 0,
    ComparisonOperator: 'GreaterThanThreshold',
    TreatMissingData: 'notBreaching',
  });

  resources.TableSystemErrorsAlarm = alarm('DynamoDB system errors', {
    Metrics: [
      ...SYSTEM_ERROR_OPERATIONS.map((op, i) => ({
        Id: `op${i}`,
        ReturnData: false,
        MetricStat: { Metric: { Namespace: 'AWS/DynamoDB', MetricName: 'SystemErrors', Dimensions: [...tableDim, { Name: 'Operation', Value: op }] }, Period: 300, Stat: 'Sum' },
      })),
      { Id: 'total', Label: 'system errors', ReturnData: true, Expression: `SUM([${SYSTEM_ERROR_OPERATIONS.map((_, i) => `op${i}`).join(',')}])` },
    ],
    EvaluationPeriods: 1,
    Threshold: 0,
    ComparisonOperator: 'GreaterThanThreshold',
    TreatMissingData: 'notBreaching',
  });

  const scheduled = Object.fromEntries(functions.map((f) => [f.key, f.name]));
  if (scheduled.scheduler) {
    resources.SchedulerMissedRunAlarm = simple('SLA sweep (scheduler) did not run for 15 minutes', 'AWS/Lambda', 'Invocations', [{ Name: 'FunctionName', Value: scheduled.scheduler }], {
      EvaluationPeriods: 3,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
    });
  }
  if (scheduled.digest) {
    resources.DigestMissedRunAlarm = simple('morning digest did not run within a day', 'AWS/Lambda', 'Invocations', [{ Name: 'FunctionName', Value: scheduled.digest }], {
      Period: 86400,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
    });
  }
  resources.ScheduleDeadLetterAlarm = simple(
    'a scheduler or digest run failed after retries (see the dead-letter queue)',
    'AWS/SQS',
    'ApproximateNumberOfMessagesVisible',
    [{ Name: 'QueueName', Value: { 'Fn::GetAtt': ['ScheduleDeadLetterQueue', 'QueueName'] } }],
    { Statistic: 'Maximum' },
  );
  resources.OverdueAppealsAlarm = simple(
    `a station has more than ${thresholds.overdueAppealsPerStation} overdue open appeals`,
    NAMESPACE,
    'OverdueOpenAppealsMaxPerStation',
    [
      { Name: 'service', Value: 'zqztc' },
      { Name: 'stage', Value: stage },
    ],
    {
      Statistic: 'Maximum',
      EvaluationPeriods: 3,
      Threshold: thresholds.overdueAppealsPerStation,
    },
  );
  resources.NotifierFailuresAlarm = simple(
    'the notifier gave up on notifications after its retries (see the NotifierFailures queue)',
    'AWS/SQS',
    'ApproximateNumberOfMessagesVisible',
    [{ Name: 'QueueName', Value: { 'Fn::GetAtt': ['NotifierFailures', 'QueueName'] } }],
    { Statistic: 'Maximum' },
  );
  resources.CalendarNoticeMissingAlarm = simple("next year's holiday notice is not entered on the 工作日历 page yet", NAMESPACE, 'CalendarNoticeMissing', [], { Period: 86_400 });
  return resources;
}

module.exports = { alarmsFor, NAMESPACE };
