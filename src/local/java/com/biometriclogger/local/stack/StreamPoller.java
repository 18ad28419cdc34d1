package com.biometriclogger.local.stack;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.biometriclogger.handler.ChangeAlarmHandler;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * What the deployed event source mapping does, on DynamoDB Local: reads the tables' streams with
 * GetRecords and hands each batch to the real change-alarm handler as the {@link DynamodbEvent}
 * Lambda would build. Unlike the deployed mapping it applies no filter: INSERTs reach the handler
 * too, which ignores them, so the local stack also proves that second line.
 */
public final class StreamPoller {

    private final DynamoDbStreamsClient streams;
    private final ChangeAlarmHandler handler;
    private final List<String> streamArns = new ArrayList<>();
    /** Per shard ({@code streamArn#shardId}), the sequence number of the last record read; empty before the first. */
    private final Map<String, Optional<String>> lastRead = new LinkedHashMap<>();

    /** Starts at the streams' ends: only changes made from now on raise alerts. */
    public StreamPoller(DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, ChangeAlarmHandler handler, List<String> tables) {
        this.streams = streams;
        this.handler = handler;
        for (String table : tables) {
            String arn = dynamoDb.describeTable(b -> b.tableName(table)).table().latestStreamArn();
            if (arn == null) {
                throw new IllegalStateException("table " + table + " has no stream (template.yaml enables one on each evidence table)");
            }
            streamArns.add(arn);
        }
        discoverShards();
        List.copyOf(lastRead.keySet()).forEach(this::read);
    }

    /** Reads every shard to its end and invokes the handler per non-empty batch; returns how many records it handed over. */
    public int poll() {
        discoverShards();
        int delivered = 0;
        for (var shard : List.copyOf(lastRead.keySet())) {
            var records = read(shard);
            if (!records.isEmpty()) {
                deliver(shard.substring(0, shard.lastIndexOf('#')), records);
                delivered += records.size();
            }
        }
        return delivered;
    }

    /**
     * A fresh iterator after the last record read, on every poll: DynamoDB Local answers the next
     * iterator of an empty read with TrimmedDataAccessException once a record arrives.
     */
    private List<Record> read(String shard) {
        String streamArn = shard.substring(0, shard.lastIndexOf('#'));
        String shardId = shard.substring(shard.lastIndexOf('#') + 1);
        var after = lastRead.get(shard);
        String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                .shardIteratorType(after.isPresent() ? ShardIteratorType.AFTER_SEQUENCE_NUMBER : ShardIteratorType.TRIM_HORIZON)
                .sequenceNumber(after.orElse(null))).shardIterator();
        List<Record> records = new ArrayList<>();
        while (iterator != null) {
            var response = streams.getRecords(GetRecordsRequest.builder().shardIterator(iterator).build());
            if (response.records().isEmpty()) {
                break;
            }
            records.addAll(response.records());
            iterator = response.nextShardIterator();
        }
        if (!records.isEmpty()) {
            lastRead.put(shard, Optional.of(records.get(records.size() - 1).dynamodb().sequenceNumber()));
        }
        return records;
    }

    /** A shard found after start holds only new records: it is read from its beginning. */
    private void discoverShards() {
        for (String streamArn : streamArns) {
            for (var shard : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
                lastRead.putIfAbsent(streamArn + "#" + shard.shardId(), Optional.empty());
            }
        }
    }

    private void deliver(String streamArn, List<Record> records) {
        var event = new DynamodbEvent();
        event.setRecords(records.stream().map(record -> lambdaRecord(streamArn, record)).toList());
        StreamsEventResponse response = handler.handleRequest(event, new LocalContext(UUID.randomUUID().toString()));
        if (!response.getBatchItemFailures().isEmpty()) {
            throw new IllegalStateException("the change-alarm handler failed on stream record(s) "
                    + response.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList());
        }
    }

    /** The record as Lambda's event source mapping passes it on. */
    static DynamodbEvent.DynamodbStreamRecord lambdaRecord(String streamArn, Record record) {
        var lambda = new DynamodbEvent.DynamodbStreamRecord();
        lambda.setEventSourceARN(streamArn);
        lambda.setEventID(record.eventID());
        lambda.setEventName(record.eventNameAsString());
        lambda.setEventVersion(record.eventVersion());
        lambda.setEventSource(record.eventSource());
        lambda.setAwsRegion(record.awsRegion());
        if (record.userIdentity() != null) {
            var identity = new Identity();
            identity.setPrincipalId(record.userIdentity().principalId());
            identity.setType(record.userIdentity().type());
            lambda.setUserIdentity(identity);
        }
        var source = record.dynamodb();
        var stream = new StreamRecord();
        stream.setKeys(image(source.keys()));
        stream.setOldImage(source.hasOldImage() ? image(source.oldImage()) : null);
        stream.setNewImage(source.hasNewImage() ? image(source.newImage()) : null);
        stream.setSequenceNumber(source.sequenceNumber());
        stream.setSizeBytes(source.sizeBytes());
        stream.setStreamViewType(StreamViewType.valueOf(source.streamViewTypeAsString()));
        if (source.approximateCreationDateTime() != null) {
            stream.setApproximateCreationDateTime(Date.from(source.approximateCreationDateTime()));
        }
        lambda.setDynamodb(stream);
        return lambda;
    }

    private static Map<String, AttributeValue> image(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> image) {
        Map<String, AttributeValue> converted = new LinkedHashMap<>();
        image.forEach((name, value) -> converted.put(name, value(value)));
        return converted;
    }

    private static AttributeValue value(software.amazon.awssdk.services.dynamodb.model.AttributeValue value) {
        var converted = new AttributeValue();
        switch (value.type()) {
            case S -> converted.setS(value.s());
            case N -> converted.setN(value.n());
            case B -> converted.setB(ByteBuffer.wrap(value.b().asByteArray()));
            case SS -> converted.setSS(value.ss());
            case NS -> converted.setNS(value.ns());
            case BS -> converted.setBS(value.bs().stream().map(b -> ByteBuffer.wrap(b.asByteArray())).toList());
            case M -> converted.setM(image(value.m()));
            case L -> converted.setL(value.l().stream().map(StreamPoller::value).toList());
            case BOOL -> converted.setBOOL(value.bool());
            case NUL -> converted.setNULL(value.nul());
            default -> throw new IllegalStateException("attribute type " + value.type() + " is unknown to this SDK");
        }
        return converted;
    }
}
